using System.Text.Json;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Persistence;

namespace HccOrleans.Silo.Providers;

/// <summary>The index rows of dossier states, by the engine's one projection of a dossier (<see cref="DossierSummaries"/>).</summary>
public sealed class DossierIndexRows : IDossierIndexSource
{
    public static readonly DossierIndexRows Instance = new();

    public DossierIndexRow? FromState(object state) =>
        state is DossierState { Exists: true } dossier ? new DossierIndexRow(dossier.ToSummary(), dossier.HandlingStarted, dossier.Escalations) : null;

    public DossierIndexRow? FromStored(byte[] payload) => FromState(JsonSerializer.Deserialize<DossierState>(payload, StoredJson.Options)!);
}
