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

    /// <summary>A sentence under the tables, led by its section's name so that a later run of one part knows it.</summary>
    public void Note(string section, string note) => _notes.Add($"{section}: {note}");

    public static string F(double value) => double.IsNaN(value) ? "—" : value.ToString(value >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture);

    private static bool Met(double value, double target, bool atMost) => atMost ? value <= target : value >= target;

    /// <summary>A NaN target is a figure the issue asks to report with no bar to clear.</summary>
    private static string Target(double target, bool atMost) => double.IsNaN(target) ? "none" : $"{(atMost ? "≤" : "≥")} {target.ToString("F2", CultureInfo.InvariantCulture)}";

    private static string Verdict(double value, double target, bool atMost) => double.IsNaN(target) ? "reported" : Met(value, target, atMost) ? "met" : "NOT met";

    public string ToMarkdown(string command, string machine, DateTimeOffset startedAt, TimeSpan took) =>
        Block([$"Measured {startedAt:yyyy-MM-dd HH:mm} UTC in {took.TotalMinutes:F1} min by `{command}` on {machine}."], RatioRows(), FigureRows(), NoteRows());

    public static string Block(IEnumerable<string> measured, IEnumerable<string> ratios, IEnumerable<string> figures, IEnumerable<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine(Begin);
        foreach (var line in measured)
        {
            text.AppendLine(line);
        }

        text.AppendLine();
        text.AppendLine(RatioHeader);
        text.AppendLine("|---|---|---:|---:|---|");
        foreach (var row in ratios)
        {
            text.AppendLine(row);
        }

        text.AppendLine();
        text.AppendLine(FigureHeader);
        text.AppendLine("|---|---|---:|---|");
        foreach (var row in figures)
        {
            text.AppendLine(row);
        }

        var noted = notes.ToList();
        if (noted.Count > 0)
        {
            text.AppendLine();
            foreach (var note in noted)
            {
                text.AppendLine(note);
            }
        }

        text.AppendLine(End);
        return text.ToString();
    }

    public const string RatioHeader = "| goal | ratio | measured | target | |";
    public const string FigureHeader = "| section | figure | value | rounds |";

    public IEnumerable<string> RatioRows() => _ratios.OrderBy(r => r.Goal, StringComparer.Ordinal).Select(r => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Goal} | {r.Ratio} | {r.Value:F2} | {Target(r.Target, r.AtMost)} | {Verdict(r.Value, r.Target, r.AtMost).Replace("NOT met", "**not met**", StringComparison.Ordinal)} |"));

    public IEnumerable<string> FigureRows() => _figures.Select(f => $"| {f.Section} | {f.Figure} | {f.Value} | {f.Rounds} |");

    public IEnumerable<string> NoteRows() => _notes.Select(n => $"- {n}");

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
