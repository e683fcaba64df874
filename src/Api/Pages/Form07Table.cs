using HccOrleans.Grains.Interfaces.Reports;

namespace HccOrleans.Api.Pages;

/// <summary>The rows of a 07a or 07b table as the KPI page draws them: a label, the row, and whether it is a total.</summary>
public sealed record Form07Table(string Id, string Caption, IReadOnlyList<(string Label, Report07aRow Row, bool Strong)> Rows)
{
    public static Form07Table Of(Report07a report) => new("report-07a", "Biểu 07a theo lĩnh vực giải quyết",
        [.. report.Rows.Select(r => (r.Field ?? "", r, false)), ("Tổng cộng", report.Total, true)]);

    public static Form07Table Of(Report07b report) => new("report-07b", "Biểu 07b theo thẩm quyền và lĩnh vực",
        [
            .. report.Sections.SelectMany(s => s.Rows.Select(r => (r.Field ?? "", r, false)).Prepend(($"{s.Number}. {s.Title}", s.Total, true))),
            ("Tổng cộng", report.Total, true),
        ]);
}
