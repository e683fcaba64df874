using HccOrleans.Grains.Interfaces.Reports;
namespace HccOrleans.Api.Queries;

/// <summary>The quick start's read side: the in-memory index grain and, co-hosted, the in-memory outbox.</summary>
public sealed class GrainDossierQueries(IGrainFactory grains, IServiceProvider services) : IDossierQueries
{
    private IDossierIndexGrain Index => grains.Reference<IDossierIndexGrain>(IDossierIndexGrain.Key);

    public Task<DossierPage> ListAsync(DossierQuery query) => Index.QueryAsync(query);

    public async Task<IReadOnlyList<DossierSummary>> ReceivedBeforeAsync(DateTimeOffset to, string? agency) => await Index.ReceivedBeforeAsync(to, agency);

    public async Task<PeriodFacts> PeriodFactsAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? agency) =>
        PeriodFacts.Of(await Index.ReceivedBeforeAsync(new Judging(to, now).Until, agency), from, to, now);

    public async Task<ThroughputBucket[]> ThroughputDaysAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? agency, TimeZoneInfo zone) =>
        Throughput.Days(await Index.ReceivedBeforeAsync(new Judging(to, now).Until, agency), from, to, now, zone);

    public async Task<IReadOnlyDictionary<string, int>> DueSoonAsync(DateTimeOffset to, DateTimeOffset now, string? agency, DateTimeOffset soonUntil) =>
        (await Index.ReceivedBeforeAsync(new Judging(to, now).Until, agency))
            .Where(d => d.Status == DossierStatus.Processing && d.DueAt >= now && d.DueAt <= soonUntil)
            .GroupBy(d => d.HandlingAgency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public async Task<IReadOnlyList<DossierSummary>> OverdueAsync(DateTimeOffset now, string? agency) => await Index.OverdueAsync(now, agency);

    public async Task<IReadOnlyList<EscalationEntry>> EscalationsAsync(EscalationQuery query) => await Index.EscalationsAsync(query);

    public Task<IReadOnlyList<Notification>> NotificationsAsync(string? dossier, string? agency)
    {
        // The API as a separate client of an in-memory silo cannot see the silo's memory: no outbox to show.
        var outbox = services.GetService<InMemoryOutbox>()?.Snapshot() ?? [];
        return Task.FromResult<IReadOnlyList<Notification>>([.. outbox.Where(n => (dossier is null || n.DossierCode == dossier) && (agency is null || n.Agency == agency))]);
    }

    public async Task<IReadOnlyDictionary<string, int>> ProcedureUsageAsync(string receivingUnit, DateTimeOffset since) =>
        (await Index.ReceivedBeforeAsync(DateTimeOffset.MaxValue, receivingUnit))
            .Where(d => d.ReceivingUnit == receivingUnit && d.ReceivedAt >= since)
            .GroupBy(d => d.Procedure.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
