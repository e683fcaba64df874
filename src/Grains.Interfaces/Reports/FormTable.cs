using System.Globalization;
using System.Text;

namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>
/// A report laid out as its form prints it: a title, the lines that say whose and which period, the numbered
/// headings in the form's order, and the rows, each a cell per heading (text or a count). CSV and the spreadsheet
/// are both written from it, so they cannot disagree.
/// </summary>
public sealed record FormTable(string Title, string[] Lines, string[] Headings, IReadOnlyList<object[]> Rows)
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Biểu 07a as a table: one row per field, then the total.</summary>
    public static FormTable Of(Report07a report, string scope, TimeZoneInfo zone)
    {
        var rows = report.Rows.Select((r, i) => Row((i + 1).ToString(CultureInfo.InvariantCulture), r.Field ?? "", r))
            .Append(Row("", "Tổng cộng", report.Total))
            .ToList();
        return new FormTable(
            "Biểu 07a/BTP/KSTT — Kết quả giải quyết thủ tục hành chính",
            [scope, Period(report.From, report.To, report.AsOf, zone)],
            [.. Report07aColumns.All.Select(Report07aColumns.Numbered)],
            rows);
    }

    /// <summary>Biểu 07b as a table: each section's total row ("I", "II"), its fields numbered under it, then the grand total.</summary>
    public static FormTable Of(Report07b report, string scope, TimeZoneInfo zone)
    {
        var rows = report.Sections
            .SelectMany(section => section.Rows.Select((r, i) => Row((i + 1).ToString(CultureInfo.InvariantCulture), r.Field ?? "", r))
                .Prepend(Row(section.Number, section.Title, section.Total)))
            .Append(Row("", "Tổng cộng", report.Total))
            .ToList();
        return new FormTable(
            "Biểu 07b/BTP/KSTT — Kết quả giải quyết thủ tục hành chính trên địa bàn tỉnh",
            [scope, Period(report.From, report.To, report.AsOf, zone)],
            [.. Report07aColumns.All.Select(Report07aColumns.Numbered)],
            rows);
    }

    /// <summary>RFC 4180 CSV: the headings, then the rows; the title lines go in the file name, not the table.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Headings.Select(CsvCell.Quote)).Append("\r\n");
        foreach (var row in Rows)
        {
            csv.AppendJoin(',', row.Select(c => c is int n ? n.ToString(CultureInfo.InvariantCulture) : CsvCell.Quote(c.ToString() ?? ""))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static object[] Row(string index, string field, Report07aRow r) => [index, field, .. Report07aColumns.Values(r).Cast<object>()];

    private static string Period(DateTimeOffset from, DateTimeOffset to, DateTimeOffset asOf, TimeZoneInfo zone) =>
        $"Kỳ báo cáo: từ {Day(from, zone)} đến {Day(to.AddTicks(-1), zone)}; số liệu tính đến {Instant(asOf, zone)}";

    private static string Day(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
