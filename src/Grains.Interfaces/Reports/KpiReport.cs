using HccOrleans.Model;

namespace HccOrleans.Reports;

public sealed record OverdueByAgency(string Agency, int Count, string[] Codes);

/// <summary>Average resolution time of the dossiers of one procedure at one handling agency resolved in the period.</summary>
public sealed record ResolutionTime(string Agency, string Procedure, string ProcedureName, int Dossiers, decimal AverageWorkingDays);

/// <summary>The center's KPIs for [From, To) (Decision 766/QĐ-TTg style). Rates are fractions in [0, 1].</summary>
public sealed record KpiReport(
    DateTimeOffset From,
    DateTimeOffset To,
    decimal? OnTimeRate,
    decimal? OnlineRate,
    decimal? PostalRate,
    decimal? AverageResolutionWorkingDays,
    int OverdueNow,
    OverdueByAgency[] OverdueByAgency,
    ResolutionTime[] ResolutionByProcedure);

public static class KpiRules
{
    /// <summary>
    /// On-time rate: (resolved early or on time + in progress within deadline) ÷ (resolved + in progress),
    /// where a dossier with more than one supplement request counts as late. Online and postal rates are
    /// over dossiers received in the period. Average resolution time is in working days of
    /// <paramref name="workingDayHours"/> over dossiers resolved in the period, overall and per procedure and agency.
    /// </summary>
    public static KpiReport Build(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, decimal workingDayHours = 8m)
    {
        var all = dossiers.ToList();
        var counted = all.Select(d => (Dossier: d, Count: ReportRules.Count(d, from, to))).Where(x => x.Count is not null).ToList();
        var judged = counted.Where(x => x.Count!.Resolved is not null || x.Count.InProgressWithinDeadline is not null).ToList();
        var good = judged.Count(x => x.Dossier.SupplementRequests <= 1
            && (x.Count!.Resolved is CompletionClass.Early or CompletionClass.OnTime || x.Count.InProgressWithinDeadline == true));
        var received = counted.Where(x => x.Count!.Received).Select(x => x.Dossier).ToList();
        var timed = counted.Where(x => x.Count!.Resolved is not null && x.Dossier.ResolutionWorkingHours is not null).Select(x => x.Dossier).ToList();
        var resolutionHours = timed.Select(d => d.ResolutionWorkingHours!.Value).ToList();
        var byProcedure = timed
            .GroupBy(d => (d.HandlingAgency, d.Procedure.Code))
            .OrderBy(g => g.Key.HandlingAgency, StringComparer.Ordinal).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new ResolutionTime(g.Key.HandlingAgency, g.Key.Code, g.First().Procedure.Name, g.Count(),
                decimal.Round(g.Average(d => d.ResolutionWorkingHours!.Value) / workingDayHours, 2)))
            .ToArray();
        var overdue = all.Where(d => d.IsOverdueAt(now))
            .GroupBy(d => d.HandlingAgency)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OverdueByAgency(g.Key, g.Count(), [.. g.Select(d => d.Code).Order(StringComparer.Ordinal)]))
            .ToArray();
        return new KpiReport(
            from,
            to,
            Rate(good, judged.Count),
            Rate(received.Count(d => d.Channel == Channel.Online), received.Count),
            Rate(received.Count(d => d.Channel == Channel.Postal), received.Count),
            resolutionHours.Count == 0 ? null : decimal.Round(resolutionHours.Average() / workingDayHours, 2),
            overdue.Sum(o => o.Count),
            overdue,
            byProcedure);
    }

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : decimal.Round((decimal)part / whole, 4);
}
