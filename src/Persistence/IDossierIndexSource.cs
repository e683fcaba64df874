namespace HccOrleans.Persistence;

/// <summary>What the index keeps of one stored dossier: its summary, whether handling has started, its escalations.</summary>
public sealed record DossierIndexRow(DossierSummary Summary, bool HandlingStarted, IReadOnlyList<EscalationRecord> Escalations);

/// <summary>
/// Turns dossier states into index rows. The engine knows its state type; this project owns the SQL that stores the
/// rows, and borrows that knowledge through this interface (the silo lends <c>Silo/Providers/DossierIndexRows.cs</c>).
/// </summary>
public interface IDossierIndexSource
{
    /// <summary>The row of a state the storage is writing; null when it is no dossier that exists.</summary>
    DossierIndexRow? FromState(object state);

    /// <summary>The row of a stored payload (the stored JSON contract); null when it is no dossier that exists.</summary>
    DossierIndexRow? FromStored(byte[] payload);
}
