using HccOrleans.Grains.Interfaces.Reports;

namespace HccOrleans.Api.Pages;

/// <summary>One row of a 07a or 07b table as the KPI page draws it: a label, the row, whether it is a total, and which dossiers it is.</summary>
/// <param name="Field">The row's field; null for a total.</param>
/// <param name="Level">07b's section ("province", "commune"); null for 07a and the grand total.</param>
public sealed record Form07Line(string Label, Report07aRow Row, bool Strong, string? Field, string? Level);

/// <summary>The rows of a 07a or 07b table as the KPI page draws them; each number links to the dossiers it counts.</summary>
/// <param name="Period">The period and agency of the page, as the links to the dossiers carry them.</param>
public sealed record Form07Table(string Id, string Caption, string Form, string Period, IReadOnlyList<Form07Line> Rows)
{
    public static Form07Table Of(Report07a report, string period) => new("report-07a", "Biểu 07a theo lĩnh vực giải quyết", "07a", period,
        [.. report.Rows.Select(r => new Form07Line(r.Field ?? "", r, false, r.Field, null)), new Form07Line("Tổng cộng", report.Total, true, null, null)]);

    public static Form07Table Of(Report07b report, string period) => new("report-07b", "Biểu 07b theo thẩm quyền và lĩnh vực", "07b", period,
        [
            .. report.Sections.SelectMany(s =>
            {
                var level = s.Number == "II" ? "commune" : "province";
                return s.Rows.Select(r => new Form07Line(r.Field ?? "", r, false, r.Field, level)).Prepend(new Form07Line($"{s.Number}. {s.Title}", s.Total, true, null, level));
            }),
            new Form07Line("Tổng cộng", report.Total, true, null, null),
        ]);

    /// <summary>The page listing the dossiers that <paramref name="line"/>'s cell <paramref name="column"/> counts.</summary>
    public string DossiersOf(Form07Line line, FormColumn column) =>
        $"/reports/dossiers?form={Form}&column={column.Path}&{Period}{(line.Field is { } f ? "&field=" + Uri.EscapeDataString(f) : "")}{(line.Level is { } l ? "&level=" + l : "")}";
}
