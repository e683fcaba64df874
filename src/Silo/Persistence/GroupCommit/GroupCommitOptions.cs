namespace HccOrleans.Silo.Persistence.GroupCommit;

/// <summary>How the group-commit grain storage batches (section <c>Storage:GroupCommit</c>).</summary>
public sealed class GroupCommitOptions
{
    public const string Section = "Storage:GroupCommit";

    /// <summary>Connections that commit batches of writes; each holds one while the silo runs.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>Connections that read batches of states (activations); each holds one while the silo runs.</summary>
    public int Readers { get; set; } = 2;

    /// <summary>The most writes or reads in one round trip.</summary>
    public int MaxBatch { get; set; } = 256;

    /// <summary>How often a batch that failed on a deadlock or a serialization failure is tried again before its writers are told.</summary>
    public int Retries { get; set; } = 3;
}
