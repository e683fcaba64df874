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
    public static KpiReport Build(IEnumerable<DossierSummary> dossiers, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, decimal workingDayHours = 8m) =>
        Build(PeriodFacts.Of(dossiers, from, to, now), workingDayHours);

    public static KpiReport Build(PeriodFacts facts, decimal workingDayHours = 8m)
    {
        var groups = facts.Groups;
        var judged = groups.Where(g => g.Key.Count.Resolved is not null || g.Key.Count.InProgressWithinDeadline is not null).ToList();
        var good = PeriodFacts.Sum(judged, k => !k.ManySupplements
            && (k.Count.Resolved is CompletionClass.Early or CompletionClass.OnTime || k.Count.InProgressWithinDeadline == true));
        var received = groups.Where(g => !g.Key.Count.CarriedOver).ToList();
        var receivedCount = PeriodFacts.Sum(received, _ => true);
        var online = PeriodFacts.Sum(received, k => k.Channel == FilingChannel.Online);
        var timed = groups.Where(g => g.Timed > 0).ToList();
        var byProcedure = timed
            .GroupBy(g => (g.Key.Agency, g.Key.Procedure.Code))
            .OrderBy(g => g.Key.Agency, StringComparer.Ordinal).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new ResolutionTime(g.Key.Agency, g.Key.Code, NameOf(g), g.Sum(x => x.Timed),
                WorkingDays(g.Sum(x => x.ResolutionHours) / g.Sum(x => x.Timed), workingDayHours)))
            .ToArray();
        var timedCount = timed.Sum(g => g.Timed);
        var overdue = facts.Overdue
            .GroupBy(d => d.Agency)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OverdueByAgency(g.Key, g.Count(), [.. g.Select(d => d.Code).Order(StringComparer.Ordinal)]))
            .ToArray();
        return new KpiReport(
            facts.From,
            facts.To,
            facts.Judging.AsOf,
            Rate(good, PeriodFacts.Sum(judged, _ => true)),
            Rate(online, receivedCount),
            Rate(PeriodFacts.Sum(received, k => k.Channel == FilingChannel.Online && k.OnlineLevel == OnlineLevel.Full), receivedCount),
            Rate(PeriodFacts.Sum(received, k => k.Channel == FilingChannel.Online && k.OnlineLevel == OnlineLevel.Partial), receivedCount),
            Rate(PeriodFacts.Sum(received, k => k.Channel == FilingChannel.Postal), receivedCount),
            timedCount == 0 ? null : WorkingDays(timed.Sum(g => g.ResolutionHours) / timedCount, workingDayHours),
            Rate(facts.Ratings.Satisfied, facts.Ratings.Rated),
            facts.Ratings.Rated,
            overdue.Sum(o => o.Count),
            overdue,
            byProcedure);
    }

    /// <summary>A procedure's name as its latest version in the figures gives it.</summary>
    private static string NameOf(IEnumerable<CountedGroup> groups) =>
        groups.Select(g => g.Key.Procedure).OrderByDescending(p => p.Version).ThenByDescending(p => p.Name, StringComparer.Ordinal).First().Name;

    private static decimal WorkingDays(decimal hours, decimal workingDayHours) => decimal.Round(hours / workingDayHours, 2);

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : decimal.Round((decimal)part / whole, 4);
}
