using HccOrleans.Grains.Regimes;
using HccOrleans.Grains.Workflow;
using Position = HccOrleans.Grains.Workflow.Position;

namespace HccOrleans.Tests.Repository;

/// <summary>
/// The state diagram in <c>docs/rules</c> is the transition table's own drawing: the test draws it again and fails when
/// the committed file differs, after writing the new drawing in its place (commit it if the table's change was meant).
/// </summary>
[Trait("Category", "Repository")]
public sealed class StateDiagramTests
{
    [Theory]
    [InlineData(Regime.Decree61Of2018)]
    [InlineData(Regime.Decree118Of2025)]
    public void StateDiagram_OfEachRegime_IsTheCommittedOne(Regime regime)
    {
        var rules = InForce.Of(regime);
        var path = Path.Combine(RepositoryFiles.Root, "docs", "rules", StateDiagram.FileName(rules));
        var drawn = StateDiagram.Mermaid(rules);
        var committed = File.Exists(path) ? File.ReadAllText(path) : "";
        if (committed != drawn)
        {
            File.WriteAllText(path, drawn);
        }

        Assert.True(committed == drawn, $"{path} did not match the transition table; the test has written the table's drawing there");
    }

    /// <summary>The README shows the diagram of the regime every new dossier follows, between its markers (rewritten there too when it differs).</summary>
    [Fact]
    public void Readme_ShowsTheDiagramOfTheTable()
    {
        var path = Path.Combine(RepositoryFiles.Root, "README.md");
        var readme = File.ReadAllText(path);
        var drawn = StateDiagram.Mermaid(InForce.Decree118);
        var diagram = drawn[drawn.IndexOf("```mermaid", StringComparison.Ordinal)..];
        const string Start = "<!-- state-machine decree-118-2025: written by StateDiagramTests -->\n";
        const string End = "<!-- end state-machine -->";
        var (from, to) = (readme.IndexOf(Start, StringComparison.Ordinal), readme.IndexOf(End, StringComparison.Ordinal));
        Assert.True(from >= 0 && to > from, "README.md has lost the state diagram's markers");
        var shown = readme[(from + Start.Length)..to];
        if (shown != diagram)
        {
            File.WriteAllText(path, readme[..(from + Start.Length)] + diagram + readme[to..]);
        }

        Assert.True(shown == diagram, "README.md's state diagram did not match the transition table; the test has written the table's drawing there");
    }

    [Theory]
    [InlineData(Regime.Decree61Of2018, "submitted --> processing_appraise : receive (officer)")]
    [InlineData(Regime.Decree118Of2025, "submitted --> processing_transfer : receive (officer; direct, postal)")]
    public void StateDiagram_DrawsEveryMoveOfTheTable(Regime regime, string line)
    {
        var rules = InForce.Of(regime);
        var drawn = StateDiagram.Mermaid(rules);
        var moves = Position.All.Select(p => (Position?)p).Prepend(null)
            .Sum(from => Enum.GetValues<DossierAction>().Count(action => Enum.GetValues<FilingChannel>().Any(channel => rules.Find(from, action, channel) is not null))
                + Enum.GetValues<DossierAction>().Count(action => Enum.GetValues<FilingChannel>().Select(channel => rules.Find(from, action, channel)?.To).Where(to => to is not null).Distinct().Count() > 1));

        Assert.Equal(moves, drawn.Split('\n').Count(l => l.Contains("-->", StringComparison.Ordinal) && !l.Contains("[*]", StringComparison.Ordinal) || l.TrimStart().StartsWith("[*] -->", StringComparison.Ordinal)));
        Assert.Contains(line, drawn, StringComparison.Ordinal);
    }
}
