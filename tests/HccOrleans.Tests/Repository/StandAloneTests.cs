using System.Text.RegularExpressions;

namespace HccOrleans.Tests.Repository;

/// <summary>
/// The repository stands alone: no tracked file points outside it (a relative link or path climbing above the root,
/// the specification beside it), names a tracker's issue number, or cites a file that is not here.
/// </summary>
[Trait("Category", "Repository")]
public sealed partial class StandAloneTests
{
    [Fact]
    public void NoTrackedFile_LinksOutsideTheRepository()
    {
        var outside = new List<string>();
        foreach (var path in RepositoryFiles.Tracked.Where(IsText))
        {
            var lines = RepositoryFiles.Read(path).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var found = Outside().Match(lines[i]) is { Success: true } named ? named : ClimbsAbove(path, lines[i]);
                if (found is not null)
                {
                    outside.Add($"{path}:{i + 1}: {found.Value}");
                }
            }
        }

        Assert.True(outside.Count == 0, $"{outside.Count} places point outside the repository:\n{string.Join("\n", outside.Take(40))}");
    }

    [Fact]
    public void EveryDocumentCited_IsInTheRepository()
    {
        var missing = RepositoryFiles.Tracked.Where(IsText)
            .SelectMany(p => CitedDocument().Matches(RepositoryFiles.Read(p)).Select(m => (From: p, Cited: m.Value.TrimEnd('.'))))
            .Where(c => !File.Exists(Path.Combine(RepositoryFiles.Root, c.Cited)))
            .Select(c => $"{c.From}: {c.Cited}").Distinct().ToArray();

        Assert.True(missing.Length == 0, $"documents cited that are not here:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void RulesFolder_HasAFilePerConcern_EachCitingItsLaw()
    {
        string[] concerns = ["regimes", "lifecycle", "deadlines-and-calendar", "reception-and-routing", "documents-and-results", "reports-and-kpis"];
        foreach (var concern in concerns)
        {
            var text = RepositoryFiles.Read($"docs/rules/{concern}.md");
            Assert.Matches(Citation(), text);
        }
    }

    /// <summary>A markdown link or a quoted relative path whose ".." steps climb above the repository's root.</summary>
    private static Match? ClimbsAbove(string path, string line) =>
        RelativePath().Matches(line).FirstOrDefault(link => Regex.Count(link.Value, @"\.\./") > path.Count(c => c == '/'));

    private static bool IsText(string path) =>
        Path.GetExtension(path) is ".cs" or ".md" or ".sh" or ".json" or ".csproj" or ".props" or ".sql" or ".cshtml" or ".js" or ".css" or ".yml" or ".txt" or ".sln" or ""
        && !path.EndsWith("package-lock.json", StringComparison.Ordinal);

    // Written so that it does not match itself: this file is scanned too.
    [GeneratedRegex(@"\.\.[/]shared\b|\bshared[/]spec\b|\b(?:domain|api)[.]md\b|\bissues?[ ]\d+\b|\bissue[ ]#\d+", RegexOptions.IgnoreCase)]
    private static partial Regex Outside();

    [GeneratedRegex(@"(?:\.\./)+[\w.\-/]*")]
    private static partial Regex RelativePath();

    /// <summary>A path to a document of the repository's docs folder, as comments and pages cite them.</summary>
    [GeneratedRegex(@"(?<![\w/.])docs/[\w./-]+\.md\b")]
    private static partial Regex CitedDocument();

    [GeneratedRegex(@"(?:Decree|Circular|Decision|Labour Code|Civil Code) [^\n]*(?:Art\.|\d{4})")]
    private static partial Regex Citation();
}
