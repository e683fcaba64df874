using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces.Reports;

public sealed record OverdueByAgency(string Agency, int Count, string[] Codes);

/// <summary>Average resolution time of the dossiers of one procedure at one handling agency resolved in the period.</summary>
public sealed record ResolutionTime(string Agency, string Procedure, string ProcedureName, int Dossiers, decimal AverageWorkingDays);

/// <summary>The center's KPIs for [From, To), judged at <see cref="AsOf"/> = min(To, now) (Decision 766/QĐ-TTg style). Rates are fractions in [0, 1].</summary>
public sealed record KpiReport(
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset AsOf,
    decimal? OnTimeRate,
    decimal? OnlineRate,
    decimal? FullOnlineRate,
    decimal? PartialOnlineRate,
    decimal? PostalRate,
    decimal? AverageResolutionWorkingDays,
    decimal? SatisfactionRate,
    int Rated,
    int OverdueNow,
    OverdueByAgency[] OverdueByAgency,
    ResolutionTime[] ResolutionByProcedure)
{
    /// <summary>Decision 766: payments made online ÷ payments recorded in the period (<see cref="Decision766Rules"/>).</summary>
    public decimal? OnlinePaymentRate { get; init; }

    /// <summary>Decision 766: satisfaction per Art. 33(1) item.</summary>
    public ItemSatisfaction[] SatisfactionByItem { get; init; } = [];

    /// <summary>Decision 766: feedback answered by its due date ÷ feedback answered in the period.</summary>
    public decimal? FeedbackOnTimeRate { get; init; }

    /// <summary>Decision 766: paper dossiers (counter, post) received with every component digitised ÷ paper dossiers received.</summary>
    public decimal? DigitisationRate { get; init; }

    /// <summary>Decision 766: dossiers resolved with an electronic result ÷ dossiers resolved.</summary>
    public decimal? ElectronicResultRate { get; init; }

    /// <summary>Decision 766: dossiers received that reuse an earlier document ÷ dossiers received.</summary>
    public decimal? ReuseRate { get; init; }

    /// <summary>The counts behind the Decision 766 rates.</summary>
    public Decision766Counts? Counts766 { get; init; }
}

public static class KpiRules
{
    /// <summary>
    /// On-time rate: (resolved early or on time + in progress within deadline) ÷ (resolved + in progress), judged at
    /// min(to, now); withdrawn and stopped dossiers are left out, and one with more than one supplement request after
    /// receipt counts as late. Online (full and partial separately) and postal rates are over the dossiers received in
    /// the period. Average resolution time: receipt to approval less paused time, in working days of
    /// <paramref name="workingDayHours"/>, over the dossiers resolved in the period. Satisfaction: (very satisfied +
    /// satisfied) ÷ rated, over the ratings given in the period. Overdue now: at <paramref name="now"/>.
    /// </summary>
    public static KpiReport Build(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, decimal workingDayHours = 8m)
    {
        var all = dossiers.ToList();
        var judging = new Judging(to, now);
        var asOf = judging.AsOf;
        var counted = ReportRules.Counted(all, from, judging);
        var judged = counted.Where(x => x.Count.Resolved is not null || x.Count.InProgressWithinDeadline is not null).ToList();
        var good = judged.Count(x => x.Dossier.SupplementRequestsAfterReceiptBefore(asOf) <= 1
            && (x.Count.Resolved is CompletionClass.Early or CompletionClass.OnTime || x.Count.InProgressWithinDeadline == true));
        var received = counted.Where(x => !x.Count.CarriedOver).Select(x => x.Dossier).ToList();
        var online = received.Where(d => d.Channel == FilingChannel.Online).ToList();
        var timed = counted.Where(x => x.Count.Resolved is not null && x.Dossier.ResolutionWorkingHours is not null).Select(x => x.Dossier).ToList();
        var byProcedure = timed
            .GroupBy(d => (d.HandlingAgency, d.Procedure.Code))
            .OrderBy(g => g.Key.HandlingAgency, StringComparer.Ordinal).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new ResolutionTime(g.Key.HandlingAgency, g.Key.Code, g.First().Procedure.Name, g.Count(),
                WorkingDays(g.Average(d => d.ResolutionWorkingHours!.Value), workingDayHours)))
            .ToArray();
        var rated = all.Where(d => d.Rating is not null && d.RatedAt is { } at && at >= from && judging.Covers(at)).ToList();
        var overdue = all.Where(d => d.IsOverdueAt(now))
            .GroupBy(d => d.HandlingAgency)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OverdueByAgency(g.Key, g.Count(), [.. g.Select(d => d.Code).Order(StringComparer.Ordinal)]))
            .ToArray();
        return new KpiReport(
            from,
            to,
            asOf,
            Rate(good, judged.Count),
            Rate(online.Count, received.Count),
            Rate(online.Count(d => d.OnlineLevel == OnlineLevel.Full), received.Count),
            Rate(online.Count(d => d.OnlineLevel == OnlineLevel.Partial), received.Count),
            Rate(received.Count(d => d.Channel == FilingChannel.Postal), received.Count),
            timed.Count == 0 ? null : WorkingDays(timed.Average(d => d.ResolutionWorkingHours!.Value), workingDayHours),
            Rate(rated.Count(d => d.Rating is SatisfactionRating.VerySatisfied or SatisfactionRating.Satisfied), rated.Count),
            rated.Count,
            overdue.Sum(o => o.Count),
            overdue,
            byProcedure);
    }

    private static decimal WorkingDays(decimal hours, decimal workingDayHours) => decimal.Round(hours / workingDayHours, 2);

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : decimal.Round((decimal)part / whole, 4);
}
