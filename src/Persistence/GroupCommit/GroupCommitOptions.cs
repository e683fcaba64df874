using System.ComponentModel.DataAnnotations;

namespace HccOrleans.Persistence.GroupCommit;

/// <summary>How the group-commit grain storage batches (section <c>Storage:GroupCommit</c>).</summary>
public sealed class GroupCommitOptions
{
    public const string Section = "Storage:GroupCommit";

    /// <summary>
    /// Connections that commit batches of writes; each holds one while the silo runs. One by default: the next batch
    /// gathers while one commits. Every batch of dossiers notifies the pages of its changes, and PostgreSQL commits one
    /// notifying transaction at a time, so a second writer could not overlap its commits with the first's; it only
    /// split the load into smaller batches, each paying a statement's fixed costs (decision 0020).
    /// </summary>
    [Range(1, 16)]
    public int Writers { get; set; } = 1;

    /// <summary>Connections that read batches of states (activations); each holds one while the silo runs.</summary>
    [Range(1, 16)]
    public int Readers { get; set; } = 2;

    /// <summary>The most writes or reads in one round trip.</summary>
    [Range(1, 10_000)]
    public int MaxBatch { get; set; } = 256;

    /// <summary>How often a batch that failed on a deadlock or a serialization failure is tried again before its writers are told.</summary>
    [Range(0, 100)]
    public int Retries { get; set; } = 3;
}
