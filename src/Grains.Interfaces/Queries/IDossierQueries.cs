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

    Task<IReadOnlyList<DossierSummary>> OverdueAsync(DateTimeOffset now, string? agency);

    Task<IReadOnlyList<EscalationEntry>> EscalationsAsync(EscalationQuery query);

    Task<IReadOnlyList<Notification>> NotificationsAsync(string? dossier, string? agency);

    /// <summary>How many dossiers of each procedure <paramref name="receivingUnit"/> received since <paramref name="since"/>: what its counter uses most.</summary>
    Task<IReadOnlyDictionary<string, int>> ProcedureUsageAsync(string receivingUnit, DateTimeOffset since);
}
