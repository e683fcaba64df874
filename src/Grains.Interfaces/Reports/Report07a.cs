using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>Columns (3)–(8): received in the period by channel, and carried over; <see cref="Total"/> is (3).</summary>
public sealed record Received07a(int Total, int FullOnline, int PartialOnline, int Postal, int Direct, int CarriedOver);

/// <summary>Columns (9)–(12).</summary>
public sealed record Resolved07a(int Total, int Early, int OnTime, int Late);

/// <summary>
/// One row of Biểu 07a, a field (lĩnh vực): received (3) = resolved (9) + withdrawn or stopped + in progress (13).
/// Withdrawn and stopped dossiers are outside the form; the engine shows them so that the row adds up.
/// </summary>
public sealed record Report07aRow(string? Field, Received07a Received, Resolved07a Resolved, int WithdrawnOrStopped, InProgressCounts InProgress);

/// <summary>Biểu 07a/BTP/KSTT (Circular 09/2026/TT-BTP) for [From, To), judged at <see cref="AsOf"/> = min(To, now).</summary>
public sealed record Report07a(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, string? Agency, Report07aRow[] Rows, Report07aRow Total)
{
    /// <summary>The form's columns, by number and name, in its order; the JSON carries them so that a reader needs no other key.</summary>
    public IReadOnlyList<FormColumn> Columns => Report07aColumns.All;
}

/// <summary>A column of a report form: its number on the form ("(3)"; null for the engine's own), its heading and the JSON path of its value.</summary>
public sealed record FormColumn(int? Number, string Heading, string Path);

public static class Report07aColumns
{
    public static readonly FormColumn[] All =
    [
        new(1, "STT", "index"),
        new(2, "Lĩnh vực giải quyết", "field"),
        new(3, "Tổng số hồ sơ tiếp nhận", "received.total"),
        new(4, "Tiếp nhận trong kỳ: trực tuyến toàn trình", "received.fullOnline"),
        new(5, "Tiếp nhận trong kỳ: trực tuyến một phần", "received.partialOnline"),
        new(6, "Tiếp nhận trong kỳ: qua dịch vụ bưu chính công ích", "received.postal"),
        new(7, "Tiếp nhận trong kỳ: trực tiếp", "received.direct"),
        new(8, "Từ kỳ trước chuyển sang", "received.carriedOver"),
        new(9, "Tổng số hồ sơ đã giải quyết", "resolved.total"),
        new(10, "Đã giải quyết: trước hạn", "resolved.early"),
        new(11, "Đã giải quyết: đúng hạn", "resolved.onTime"),
        new(12, "Đã giải quyết: quá hạn", "resolved.late"),
        new(13, "Tổng số hồ sơ đang giải quyết", "inProgress.total"),
        new(14, "Đang giải quyết: trong hạn", "inProgress.withinDeadline"),
        new(15, "Đang giải quyết: quá hạn", "inProgress.overdue"),
        new(null, "Rút hoặc dừng giải quyết (ngoài biểu)", "withdrawnOrStopped"),
    ];

    /// <summary>The numbered cells of a row, in the form's order from column (3): the body of the CSV and the spreadsheet.</summary>
    public static int[] Values(Report07aRow r) =>
    [
        r.Received.Total, r.Received.FullOnline, r.Received.PartialOnline, r.Received.Postal, r.Received.Direct, r.Received.CarriedOver,
        r.Resolved.Total, r.Resolved.Early, r.Resolved.OnTime, r.Resolved.Late,
        r.InProgress.Total, r.InProgress.WithinDeadline, r.InProgress.Overdue,
        r.WithdrawnOrStopped,
    ];

    /// <summary>A heading as the files print it: "(3) Tổng số hồ sơ tiếp nhận".</summary>
    public static string Numbered(FormColumn c) => c.Number is { } n ? $"({n}) {c.Heading}" : c.Heading;
}

/// <summary>
/// The counting rules of Biểu 07a (docs/rules/reports-and-kpis.md): those of II.06a (<see cref="ReportRules.Count"/>,
/// judged at min(to, now) from timestamps and the due-date history), with the received dossiers split by channel —
/// online dossiers by the online level of their procedure version — and rows by field.
/// </summary>
public static class Report07aRules
{
    /// <summary>Fields in Vietnamese alphabetical order (Đ after D), as a reader of the form looks for them.</summary>
    private static readonly StringComparer FieldOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

    public static Report07a Build(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? agency) =>
        Build(PeriodFacts.Of(dossiers, from, to, now), agency);

    public static Report07a Build(PeriodFacts facts, string? agency)
    {
        var rows = facts.Groups.GroupBy(g => g.Key.Field)
            .OrderBy(g => g.Key, FieldOrder).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g))
            .ToArray();
        return new Report07a(facts.From, facts.To, facts.Judging.AsOf, agency, rows, Row(null, facts.Groups));
    }

    /// <summary>
    /// Which dossiers each numbered cell counts, by the column's JSON path: the counts of a row and the list of
    /// dossiers behind a number are the same rule.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<CountKey, bool>> Cells { get; } =
        new Dictionary<string, Func<CountKey, bool>>(StringComparer.Ordinal)
        {
            ["received.total"] = _ => true,
            ["received.fullOnline"] = k => !k.Count.CarriedOver && k.Channel == FilingChannel.Online && k.OnlineLevel == OnlineLevel.Full,
            ["received.partialOnline"] = k => !k.Count.CarriedOver && k.Channel == FilingChannel.Online && k.OnlineLevel != OnlineLevel.Full,
            ["received.postal"] = k => !k.Count.CarriedOver && k.Channel == FilingChannel.Postal,
            ["received.direct"] = k => !k.Count.CarriedOver && k.Channel == FilingChannel.Direct,
            ["received.carriedOver"] = k => k.Count.CarriedOver,
            ["resolved.total"] = k => k.Count.Resolved is not null,
            ["resolved.early"] = k => k.Count.Resolved == CompletionClass.Early,
            ["resolved.onTime"] = k => k.Count.Resolved == CompletionClass.OnTime,
            ["resolved.late"] = k => k.Count.Resolved == CompletionClass.Late,
            ["inProgress.total"] = k => k.Count.InProgressWithinDeadline is not null,
            ["inProgress.withinDeadline"] = k => k.Count.InProgressWithinDeadline == true,
            ["inProgress.overdue"] = k => k.Count.InProgressWithinDeadline == false,
            ["withdrawnOrStopped"] = k => k.Count.WithdrawnOrStopped,
        };

    /// <summary>
    /// The dossiers behind one number of the form: those of row <paramref name="field"/> (every row when null) that
    /// cell <paramref name="path"/> counts, newest first; none for a path the form does not have.
    /// </summary>
    public static IEnumerable<DossierSummary> Members(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now,
        string? field, string path) =>
        Cells.TryGetValue(path, out var cell)
            ? ReportRules.Counted(dossiers, from, new Judging(to, now))
                .Where(x => (field is null || x.Dossier.Field == field) && cell(CountKey.Of(x.Dossier, x.Count, new Judging(to, now).AsOf)))
                .Select(x => x.Dossier)
                .OrderByDescending(d => d.ReceivedAt).ThenBy(d => d.Code, StringComparer.Ordinal)
            : [];

    private static Report07aRow Row(string? field, IEnumerable<CountedGroup> groups)
    {
        var list = groups.ToList();
        int N(string path) => PeriodFacts.Sum(list, Cells[path]);
        return new Report07aRow(
            field,
            new Received07a(N("received.total"), N("received.fullOnline"), N("received.partialOnline"), N("received.postal"), N("received.direct"),
                N("received.carriedOver")),
            new Resolved07a(N("resolved.total"), N("resolved.early"), N("resolved.onTime"), N("resolved.late")),
            N("withdrawnOrStopped"),
            new InProgressCounts(N("inProgress.total"), N("inProgress.withinDeadline"), N("inProgress.overdue")));
    }
}
