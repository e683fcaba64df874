using System.Globalization;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// A run of some parts only (HCC_SUITE_PARTS) written into the table of an earlier run: the rows of the parts that ran
/// replace theirs, every other row stays as that run measured it, and a line under the first says which parts were
/// measured again, when and by what command.
/// </summary>
internal static class SuiteTableMerge
{
    /// <summary>The goal and section numbers each part writes.</summary>
    public static IReadOnlyDictionary<string, string[]> NumbersOf { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["transitions"] = ["1"], ["drain"] = ["2"], ["holding"] = ["3"], ["http"] = ["4"], ["cluster"] = ["5", "6"], ["files"] = ["7"], ["search"] = ["8"],
        ["reports"] = ["9"], ["notices"] = ["10"],
    };

    public static string Merge(string existing, SuiteReport report, IReadOnlySet<string> parts, string measured)
    {
        var begin = existing.IndexOf(SuiteReport.Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(SuiteReport.End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            return SuiteReport.Block([measured], report.RatioRows(), report.FigureRows(), report.NoteRows());
        }

        var lines = existing[(begin + SuiteReport.Begin.Length)..end].Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var numbers = parts.SelectMany(p => NumbersOf.TryGetValue(p, out var n) ? n : []).ToHashSet(StringComparer.Ordinal);
        var measuredLines = lines.Where(l => !l.StartsWith('|') && !l.StartsWith("- ", StringComparison.Ordinal))
            .Select(l => WithoutPartsOf(l, parts)).OfType<string>().Append(measured);
        var rows = lines.Where(l => l.StartsWith('|') && !l.StartsWith("|---", StringComparison.Ordinal) && l != SuiteReport.RatioHeader && l != SuiteReport.FigureHeader)
            .Select(l => (Line: l, Number: NumberOf(l.TrimStart('|', ' ')))).ToList();
        var ratios = Replace(rows.Where(r => IsRatio(r.Line)), numbers, report.RatioRows()).OrderBy(row => int.Parse(NumberOfRow(row), CultureInfo.InvariantCulture));
        var figures = Replace(rows.Where(r => !IsRatio(r.Line)), numbers, report.FigureRows());
        var notes = Replace(lines.Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => (l, NumberOf(l[2..]))), numbers, report.NoteRows());
        return SuiteReport.Block(measuredLines, ratios, figures, notes);
    }

    /// <summary>
    /// An earlier line that says which parts were measured again, without the parts this run measures again (their rows
    /// are this run's now); null when none is left. Other lines as they are.
    /// </summary>
    private static string? WithoutPartsOf(string line, IReadOnlySet<string> parts)
    {
        const string Prefix = "Parts ";
        var again = line.IndexOf(" measured again ", StringComparison.Ordinal);
        if (!line.StartsWith(Prefix, StringComparison.Ordinal) || again <= Prefix.Length)
        {
            return line;
        }

        var left = line[Prefix.Length..again].Split(", ").Where(p => !parts.Contains(p)).ToArray();
        return left.Length == 0 ? null : Prefix + string.Join(", ", left) + line[again..];
    }

    /// <summary>A ratio row's first cell is the goal's number alone; a figure row's is the number and the section's name.</summary>
    private static bool IsRatio(string row) => row.Split('|', StringSplitOptions.TrimEntries)[1].All(char.IsAsciiDigit);

    private static string NumberOf(string text) => text.Split(' ', 2)[0];

    private static string NumberOfRow(string row) => row.Split('|', StringSplitOptions.TrimEntries)[1];

    /// <summary>The rows of the parts that ran put where the first of their old rows stood (at the end when there was none).</summary>
    private static List<string> Replace(IEnumerable<(string Line, string Number)> old, HashSet<string> numbers, IEnumerable<string> fresh)
    {
        var result = new List<string>();
        var placed = false;
        foreach (var (line, number) in old)
        {
            if (!numbers.Contains(number))
            {
                result.Add(line);
            }
            else if (!placed)
            {
                result.AddRange(fresh);
                placed = true;
            }
        }

        if (!placed)
        {
            result.AddRange(fresh);
        }

        return result;
    }
}
