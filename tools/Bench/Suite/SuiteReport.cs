using System.Globalization;
using System.Text;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// Every figure and ratio of one suite run, and the markdown table it becomes in docs/benchmarks.md (between the
/// suite's markers, the rest of the file left as it is).
/// </summary>
internal sealed class SuiteReport
{
    public const string Begin = "<!-- benchmark suite: begin (written by scripts/benchmark.sh; do not edit by hand) -->";
    public const string End = "<!-- benchmark suite: end -->";

    private readonly List<(string Section, string Figure, string Value, string Rounds)> _figures = [];
    private readonly List<(string Goal, string Ratio, double Value, double Target, bool AtMost)> _ratios = [];
    private readonly List<string> _notes = [];

    public void Figure(string section, string figure, string value, IEnumerable<RoundResult>? rounds = null, string unit = "/s")
    {
        var each = rounds is null ? "" : string.Join(", ", rounds.Select(r => F(r.Rate) + unit));
        _figures.Add((section, figure, value, each));
        Console.WriteLine($"{section} | {figure}: {value}{(each.Length > 0 ? $"  (rounds: {each})" : "")}");
    }

    public void Ratio(string goal, string ratio, double value, double target, bool atMost = false)
    {
        _ratios.Add((goal, ratio, value, target, atMost));
        Console.WriteLine($"goal {goal} | {ratio}: {value:F2} (target {Target(target, atMost)}) {Verdict(value, target, atMost)}");
    }

    public void Note(string note) => _notes.Add(note);

    public static string F(double value) => double.IsNaN(value) ? "—" : value.ToString(value >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture);

    private static bool Met(double value, double target, bool atMost) => atMost ? value <= target : value >= target;

    /// <summary>A NaN target is a figure the issue asks to report with no bar to clear.</summary>
    private static string Target(double target, bool atMost) => double.IsNaN(target) ? "none" : $"{(atMost ? "≤" : "≥")} {target.ToString("F2", CultureInfo.InvariantCulture)}";

    private static string Verdict(double value, double target, bool atMost) => double.IsNaN(target) ? "reported" : Met(value, target, atMost) ? "met" : "NOT met";

    public string ToMarkdown(string command, string machine, DateTimeOffset startedAt, TimeSpan took)
    {
        var text = new StringBuilder();
        text.AppendLine(Begin);
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {startedAt:yyyy-MM-dd HH:mm} UTC in {took.TotalMinutes:F1} min by `{command}` on {machine}.");
        text.AppendLine();
        text.AppendLine("| goal | ratio | measured | target | |");
        text.AppendLine("|---|---|---:|---:|---|");
        foreach (var (goal, ratio, value, target, atMost) in _ratios.OrderBy(r => r.Goal, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {goal} | {ratio} | {value:F2} | {Target(target, atMost)} | {Verdict(value, target, atMost).Replace("NOT met", "**not met**", StringComparison.Ordinal)} |");
        }

        text.AppendLine();
        text.AppendLine("| section | figure | value | rounds |");
        text.AppendLine("|---|---|---:|---|");
        foreach (var (section, figure, value, rounds) in _figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {section} | {figure} | {value} | {rounds} |");
        }

        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        text.AppendLine(End);
        return text.ToString();
    }

    /// <summary>Puts the table into the file between the markers (at the top of its body when they are not there yet).</summary>
    public static void WriteInto(string path, string table)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var begin = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        string updated;
        if (begin >= 0 && end > begin)
        {
            updated = existing[..begin] + table + existing[(end + End.Length)..].TrimStart('\r', '\n').Insert(0, "\n");
        }
        else
        {
            var firstLineEnd = existing.IndexOf('\n', StringComparison.Ordinal);
            updated = existing[..(firstLineEnd + 1)] + "\n" + table + "\n" + existing[(firstLineEnd + 1)..];
        }

        File.WriteAllText(path, updated);
    }
}
