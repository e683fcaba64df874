using System.Globalization;
using System.Text;

namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>
/// Report II.06a as CSV, for a person to open in a spreadsheet: the JSON's table under the form's Vietnamese headings,
/// a line per row with the agency's name beside its code, a last line for the total, and the period and the moment
/// it was judged at as dates and times of the center's zone.
/// </summary>
public static class Report06aCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
    [
        "Mã cơ quan", "Cơ quan", "Lĩnh vực", "Tổng số hồ sơ phải giải quyết", "Kỳ trước chuyển qua", "Mới tiếp nhận: tổng số",
        "Mới tiếp nhận trực tuyến", "Mới tiếp nhận trực tiếp hoặc qua bưu chính", "Đã giải quyết: tổng số", "Trả trước hạn",
        "Trả đúng hạn", "Trả quá hạn", "Trong đó quá hạn đã có văn bản xin lỗi", "Rút hoặc dừng giải quyết",
        "Đang giải quyết: tổng số", "Chưa đến hạn", "Đã quá hạn", "Từ", "Đến trước", "Số liệu tính đến",
    ];

    /// <param name="agencyName">The name of an agency by its code (the code itself when the directory has none).</param>
    public static string Write(Report06a report, TimeZoneInfo zone, Func<string, string> agencyName)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header.Select(CsvCell.Quote)).Append("\r\n");
        foreach (var row in report.Rows)
        {
            Line(csv, row.Agency ?? "", row.Agency is { } code ? agencyName(code) : "", row, report, zone);
        }

        Line(csv, "", "Tổng cộng", report.Total, report, zone);
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, string code, string name, Report06aRow r, Report06a report, TimeZoneInfo zone)
    {
        string[] cells =
        [
            CsvCell.Quote(code), CsvCell.Quote(name), CsvCell.Quote(r.Field ?? ""), N(r.ToHandle), N(r.CarriedOver), N(r.Received.Total), N(r.Received.Online),
            N(r.Received.DirectOrPostal), N(r.Resolved.Total), N(r.Resolved.Early), N(r.Resolved.OnTime), N(r.Resolved.Late), N(r.Resolved.LateWithApology),
            N(r.WithdrawnOrStopped), N(r.InProgress.Total), N(r.InProgress.WithinDeadline), N(r.InProgress.Overdue),
            Instant(report.From, zone), Instant(report.To, zone), Instant(report.AsOf, zone),
        ];
        csv.AppendJoin(',', cells).Append("\r\n");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
