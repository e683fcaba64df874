using HccOrleans.Grains.Interfaces.Changes;

namespace HccOrleans.Grains.Index;

[GrainType("dossier-index")]
public sealed class DossierIndexGrain(DossierChangeFeed changes) : Grain, IDossierIndexGrain
{
    private readonly Dictionary<string, DossierSummary> _dossiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EscalationEntry> _escalations = new(StringComparer.Ordinal);

    public Task UpsertAsync(DossierSummary dossier, EscalationEntry[] escalations)
    {
        if (!_dossiers.TryGetValue(dossier.Code, out var known) || known.Version <= dossier.Version)
        {
            _dossiers[dossier.Code] = dossier;
        }

        foreach (var escalation in escalations)
        {
            _escalations.TryAdd(escalation.Id, escalation);
        }

        changes.Publish([dossier.Code]);
        return Task.CompletedTask;
    }

    public Task<DossierPage> QueryAsync(DossierQuery query)
    {
        var matches = query.Order(_dossiers.Values.Where(query.Matches)).ToList();
        var items = matches.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToArray();
        return Task.FromResult(new DossierPage(items, query.Page, query.PageSize, matches.Count));
    }

    public Task<DossierSummary[]> ReceivedBeforeAsync(DateTimeOffset to, string? agency) =>
        Task.FromResult(_dossiers.Values.Where(d => d.ReceivedAt < to && (agency is null || d.ReceivingUnit == agency || d.HandlingAgency == agency)).ToArray());

    public Task<DossierSummary[]> OverdueAsync(DateTimeOffset now, string? agency) =>
        Task.FromResult(_dossiers.Values.Where(d => d.IsOverdueAt(now) && (agency is null || d.HandlingAgency == agency)).ToArray());

    public Task<EscalationEntry[]> EscalationsAsync(EscalationQuery query) =>
        Task.FromResult(_escalations.Values.Where(query.Matches).OrderBy(e => e.FiredAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray());
}
