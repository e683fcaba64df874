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
    [InlineData("decree-61-2018")]
    public void StateDiagram_OfEachRegime_IsTheCommittedOne(string regime)
    {
        var path = Path.Combine(RepositoryFiles.Root, "docs", "rules", $"state-machine-{regime}.md");
        var drawn = StateDiagram.Mermaid(regime);
        var committed = File.Exists(path) ? File.ReadAllText(path) : "";
        if (committed != drawn)
        {
            File.WriteAllText(path, drawn);
        }

        Assert.True(committed == drawn, $"{path} did not match the transition table; the test has written the table's drawing there");
    }

    /// <summary>The README shows the same diagram, between its markers (rewritten there too when it differs).</summary>
    [Fact]
    public void Readme_ShowsTheDiagramOfTheTable()
    {
        var path = Path.Combine(RepositoryFiles.Root, "README.md");
        var readme = File.ReadAllText(path);
        var drawn = StateDiagram.Mermaid("decree-61-2018");
        var diagram = drawn[drawn.IndexOf("```mermaid", StringComparison.Ordinal)..];
        const string Start = "<!-- state-machine decree-61-2018: written by StateDiagramTests -->\n";
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

    [Fact]
    public void StateDiagram_DrawsEveryMoveOfTheTable()
    {
        var drawn = StateDiagram.Mermaid("decree-61-2018");
        var moves = Position.All.Select(p => (Position?)p).Prepend(null)
            .Sum(from => Enum.GetValues<DossierAction>().Count(action => TransitionTable.Find(from, action) is not null));

        Assert.Equal(moves, drawn.Split('\n').Count(line => line.Contains("-->", StringComparison.Ordinal) && !line.Contains("[*]", StringComparison.Ordinal) || line.TrimStart().StartsWith("[*] -->", StringComparison.Ordinal)));
        Assert.Contains("submitted --> processing_appraise : receive (officer)", drawn, StringComparison.Ordinal);
    }
}
