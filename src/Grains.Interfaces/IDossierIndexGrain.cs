using HccOrleans.Grains.Interfaces.Model;

namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// The dossier index of the in-memory quick start (PostgreSQL deployments index in the database).
/// Not persisted: it lives as long as the single quick-start silo.
/// </summary>
[Alias("hcc.IDossierIndexGrain")]
public interface IDossierIndexGrain : IGrainWithStringKey
{
    public const string Key = "dossier-index";

    [Alias("Upsert")] Task UpsertAsync(DossierSummary dossier, EscalationEntry[] escalations);

    [Alias("Query")] Task<DossierPage> QueryAsync(DossierQuery query);

    /// <summary>Every dossier received before <paramref name="to"/> (that <paramref name="agency"/> received or handles, when given): the input of reports.</summary>
    [Alias("ReceivedBefore")] Task<DossierSummary[]> ReceivedBeforeAsync(DateTimeOffset to, string? agency);

    [Alias("Overdue")] Task<DossierSummary[]> OverdueAsync(DateTimeOffset now, string? agency);

    [Alias("Escalations")] Task<EscalationEntry[]> EscalationsAsync(EscalationQuery query);
}
