using System.Text.RegularExpressions;

namespace HccOrleans.Tests.Repository;

/// <summary>
/// The suite's own hygiene, read from its sources: every test method asserts something, and every test class runs
/// under the category its folder names (so <c>--filter Category=Cluster</c> runs the folder <c>Cluster</c>).
/// </summary>
[Trait("Category", "Repository")]
public sealed partial class TestMethodTests
{
    private static readonly string[] TestSources = [.. RepositoryFiles.Tracked.Where(p => p.StartsWith("tests/HccOrleans.Tests/", StringComparison.Ordinal) && p.EndsWith(".cs", StringComparison.Ordinal))];

    [Fact]
    public void EveryTestMethod_AssertsSomething()
    {
        var silent = new List<string>();
        var (methods, attributes) = (0, 0);
        // Helpers are found by name across the suite (a base class asserts for many tests); overloads share a body.
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, body) in TestSources.SelectMany(path => MethodBodies(RepositoryFiles.Read(path))))
        {
            bodies[name] = bodies.GetValueOrDefault(name) + body;
        }

        foreach (var path in TestSources)
        {
            var source = RepositoryFiles.Read(path);
            attributes += TestAttribute().Count(source);
            foreach (Match test in TestMethod().Matches(source))
            {
                methods++;
                var name = test.Groups["name"].Value;
                if (!Asserts(bodies[name], bodies, depth: 2))
                {
                    silent.Add($"{path}: {name}");
                }
            }
        }

        Assert.True(methods == attributes && methods > 100, $"{methods} test methods read for {attributes} [Fact] and [Theory] lines: the scan is broken");
        Assert.True(silent.Count == 0, $"test methods that assert nothing:\n{string.Join("\n", silent)}");
    }

    [Fact]
    public void EveryTestClass_RunsUnderTheCategoryOfItsFolder()
    {
        var wrong = new List<string>();
        foreach (var path in TestSources.Where(p => TestMethod().IsMatch(RepositoryFiles.Read(p))))
        {
            var folder = path.Split('/')[2];
            var categories = Category().Matches(RepositoryFiles.Read(path)).Select(m => m.Groups[1].Value).Distinct().ToArray();
            if (categories is not [var only] || only != folder)
            {
                wrong.Add($"{path}: [{string.Join(", ", categories)}], folder {folder}");
            }
        }

        Assert.Empty(wrong);
    }

    /// <summary>True when the body asserts, directly or through a method of the suite it calls (to a small depth).</summary>
    private static bool Asserts(string body, IReadOnlyDictionary<string, string> bodies, int depth) =>
        Assertion().IsMatch(body)
        || (depth > 0 && Call().Matches(body).Select(m => m.Groups[1].Value).Distinct()
            .Any(callee => bodies.TryGetValue(callee, out var calleeBody) && calleeBody != body && Asserts(calleeBody, bodies, depth - 1)));

    /// <summary>Each method of a file by name, with its body: a block matched brace for brace, or an expression to its semicolon.</summary>
    private static Dictionary<string, string> MethodBodies(string source)
    {
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match method in MethodHead().Matches(source))
        {
            var start = method.Index + method.Length;
            var body = source[start - 1] == '{' ? Block(source, start - 1) : source[start..source.IndexOf(";\n", start, StringComparison.Ordinal)];
            bodies[method.Groups["name"].Value] = bodies.GetValueOrDefault(method.Groups["name"].Value) + body;
        }

        return bodies;
    }

    private static string Block(string source, int open)
    {
        var depth = 0;
        for (var i = open; i < source.Length; i++)
        {
            depth += source[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return source[open..(i + 1)];
            }
        }

        return source[open..];
    }

    [GeneratedRegex(@"\[(?:Fact|Theory)\b[^\]]*\]\s*(?:(?:\[[^\]]*\]|//[^\n]*)\s*)*public\s+(?:async\s+)?[\w<>\[\],? ]+?\s(?<name>\w+)\s*\(")]
    private static partial Regex TestMethod();

    [GeneratedRegex(@"(?:private|public|internal|protected)\s+(?:static\s+)?(?:async\s+)?[\w<>\[\](),.? ]+?\s(?<name>\w+)(?:<[^>]*>)?\s*\([^;{]*?\)\s*(?:where[^{]*)?(?:\{|=>)", RegexOptions.Singleline)]
    private static partial Regex MethodHead();

    [GeneratedRegex(@"^\s*\[(?:Fact|Theory)\b", RegexOptions.Multiline)]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"\bAssert\.|\bExpect\(|\bAssert\w*\(|\bAssert\w*Async\(|\.Should")]
    private static partial Regex Assertion();

    [GeneratedRegex(@"\b(\w+)(?:<[^>()]*>)?\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"\[Trait\(""Category"",\s*""(\w+)""\)\]")]
    private static partial Regex Category();
}
