using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Grains.Interfaces.Reports;

namespace HccOrleans.Grains.Interfaces.Queries;

/// <summary>The read side: the dossier index, escalations and the outbox.</summary>
public interface IDossierQueries
{
    Task<DossierPage> ListAsync(DossierQuery query);

    /// <summary>
    /// Dossiers received before <paramref name="to"/>: what reports count. With <paramref name="agency"/>, only those
    /// that unit received (a one-stop unit) or handles (a handling agency).
    /// </summary>
    Task<IReadOnlyList<DossierSummary>> ReceivedBeforeAsync(DateTimeOffset to, string? agency);

    /// <summary>
    /// What a period's reports read (<see cref="PeriodFacts"/>) for [<paramref name="from"/>, <paramref name="to"/>)
    /// judged at min(to, now), over the dossiers <paramref name="agency"/> received or handles (all when null).
    /// </summary>
    Task<PeriodFacts> PeriodFactsAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? agency);

    /// <summary>Received and resolved per day of <paramref name="zone"/> (<see cref="Throughput.Days"/>), over the same dossiers as <see cref="PeriodFactsAsync"/>.</summary>
    Task<ThroughputBucket[]> ThroughputDaysAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? agency, TimeZoneInfo zone);

    /// <summary>
    /// Processing dossiers due in [now, <paramref name="soonUntil"/>], per handling agency, of those received by
    /// min(<paramref name="to"/>, now) that <paramref name="agency"/> received or handles (all when null).
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> DueSoonAsync(DateTimeOffset to, DateTimeOffset now, string? agency, DateTimeOffset soonUntil);

    Task<IReadOnlyList<DossierSummary>> OverdueAsync(DateTimeOffset now, string? agency);

    Task<IReadOnlyList<EscalationEntry>> EscalationsAsync(EscalationQuery query);

    Task<IReadOnlyList<Notification>> NotificationsAsync(string? dossier, string? agency);

    /// <summary>How many dossiers of each procedure <paramref name="receivingUnit"/> received since <paramref name="since"/>: what its counter uses most.</summary>
    Task<IReadOnlyDictionary<string, int>> ProcedureUsageAsync(string receivingUnit, DateTimeOffset since);
}
