using HccOrleans.Grains.Dossiers;

namespace HccOrleans.Grains.Hosting;

/// <summary>Keeps the dossier index current after each dossier write.</summary>
public interface IDossierIndexWriter
{
    Task IndexAsync(DossierState state);
}

/// <summary>The quick start's index: the in-memory index grain, updated after every write.</summary>
public sealed class GrainIndexWriter(IGrainFactory grains) : IDossierIndexWriter
{
    public Task IndexAsync(DossierState state) =>
        grains.Reference<IDossierIndexGrain>(IDossierIndexGrain.Key).UpsertAsync(state.ToSummary(), state.ToEntries());
}

/// <summary>
/// On PostgreSQL the storage indexes the dossier in the state write's own transaction (the group-commit storage writes
/// the index rows itself; with Orleans' ADO.NET provider a trigger queues the dossier for the index pump): nothing to do here.
/// </summary>
public sealed class DatabaseIndexWriter : IDossierIndexWriter
{
    public Task IndexAsync(DossierState state) => Task.CompletedTask;
}
