using System.Text.RegularExpressions;

namespace HccOrleans.Tests.Repository;

/// <summary>
/// PostgreSQL has one owner: every SQL statement of the engine, and its schema, live in <c>src/Persistence</c>. The
/// other projects reach the database through what that project offers. Tests and tools keep SQL of their own on
/// purpose: they check the engine from outside, reading and damaging its tables by hand.
/// </summary>
[Trait("Category", "Repository")]
public sealed partial class SqlOwnerTests
{
    private const string Owner = "src/Persistence/";

    [Fact]
    public void NoSqlStatement_LivesOutsideThePersistenceProject()
    {
        var strays = new List<string>();
        foreach (var path in RepositoryFiles.Tracked.Where(p => p.StartsWith("src/", StringComparison.Ordinal) && !p.StartsWith(Owner, StringComparison.Ordinal)))
        {
            if (path.EndsWith(".sql", StringComparison.Ordinal))
            {
                strays.Add($"{path}: a SQL file");
                continue;
            }

            if (Path.GetExtension(path) is not (".cs" or ".cshtml"))
            {
                continue;
            }

            var source = RepositoryFiles.Read(path);
            strays.AddRange(Statement().Matches(source).Select(m => $"{path}:{source[..m.Index].Count(c => c == '\n') + 1}: {m.Value.Trim()}"));
        }

        Assert.True(strays.Count == 0, $"SQL outside {Owner}:\n{string.Join("\n", strays)}");
    }

    [Fact]
    public void TheScan_FindsTheStatementsOfTheOwner()
    {
        // The same scan over the owner finds its statements: a scan that finds nothing anywhere proves nothing.
        var found = RepositoryFiles.Tracked.Where(p => p.StartsWith(Owner, StringComparison.Ordinal) && p.EndsWith(".cs", StringComparison.Ordinal))
            .Sum(p => Statement().Count(RepositoryFiles.Read(p)));

        Assert.True(found >= 20, $"only {found} SQL statements found in {Owner}");
    }

    /// <summary>A string literal (plain, interpolated or raw) that opens with a SQL statement's keyword.</summary>
    [GeneratedRegex(@"\$*(?:""""""|"")\s*(?:SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:TABLE|INDEX|UNIQUE|OR\s+REPLACE|FUNCTION|TRIGGER)|ALTER\s+TABLE|DROP\s+(?:TABLE|INDEX|FUNCTION|TRIGGER)|LISTEN|UNLISTEN|NOTIFY|LOCK\s+TABLE|TRUNCATE|WITH\s+\w+\s+AS|SET\s+\w+\s*=|RESET\s+\w+)\b")]
    private static partial Regex Statement();
}
