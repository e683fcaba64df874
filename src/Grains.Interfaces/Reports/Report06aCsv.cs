using System.Globalization;
using System.Text;

namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>Report II.06a as CSV: the same table as the JSON, one line per row and a last line for the total.</summary>
public static class Report06aCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
    [
        "agency", "field", "toHandle", "carriedOver", "received.total", "received.online", "received.directOrPostal",
        "resolved.total", "resolved.early", "resolved.onTime", "resolved.late", "resolved.lateWithApology",
        "withdrawnOrStopped", "inProgress.total", "inProgress.withinDeadline", "inProgress.overdue", "from", "to", "asOf",
    ];

    public static string Write(Report06a report, TimeZoneInfo zone)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header).Append("\r\n");
        foreach (var row in report.Rows)
        {
            Line(csv, row.Agency ?? "", row, report, zone);
        }

        Line(csv, "total", report.Total, report, zone);
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, string agency, Report06aRow r, Report06a report, TimeZoneInfo zone)
    {
        string[] cells =
        [
            CsvCell.Quote(agency), CsvCell.Quote(r.Field ?? ""), N(r.ToHandle), N(r.CarriedOver), N(r.Received.Total), N(r.Received.Online), N(r.Received.DirectOrPostal),
            N(r.Resolved.Total), N(r.Resolved.Early), N(r.Resolved.OnTime), N(r.Resolved.Late), N(r.Resolved.LateWithApology),
            N(r.WithdrawnOrStopped), N(r.InProgress.Total), N(r.InProgress.WithinDeadline), N(r.InProgress.Overdue),
            Instant(report.From, zone), Instant(report.To, zone), Instant(report.AsOf, zone),
        ];
        csv.AppendJoin(',', cells).Append("\r\n");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
