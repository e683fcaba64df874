namespace HccOrleans.Silo.Persistence.GroupCommit;

/// <summary>A state read waiting for its batch: answers the stored payload and version (null, null when there is no row).</summary>
internal sealed class PendingRead(StorageRowKey key) : BatchedItem
{
    public StorageRowKey Key { get; } = key;

    public TaskCompletionSource<(byte[]? Payload, int? Version)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A state write waiting for its batch's commit: answers the new version, or null when another writer got there first.</summary>
internal sealed class PendingWrite(StorageRowKey key, int? expected, byte[] payload, object state) : BatchedItem
{
    public StorageRowKey Key { get; } = key;

    /// <summary>The version the writer read; null for a first write.</summary>
    public int? Expected { get; } = expected;

    public byte[] Payload { get; } = payload;

    /// <summary>The state itself, for the projections of its kind.</summary>
    public object State { get; } = state;

    public TaskCompletionSource<int?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A reminder registration waiting for its batch's commit, as the ADO.NET reminder table stores it: answers the row's new version.</summary>
internal sealed class PendingReminder(ReminderEntry entry) : BatchedItem
{
    public (string GrainId, string Name) Key { get; } = (entry.GrainId.ToString(), entry.ReminderName);

    /// <summary>A start without a kind is UTC, as the ADO.NET table takes it.</summary>
    public DateTime StartAt { get; } = entry.StartAt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc) : entry.StartAt.ToUniversalTime();

    public long PeriodMilliseconds { get; } = (long)entry.Period.TotalMilliseconds;

    /// <summary>The ring position the reminder services read their ranges by.</summary>
    public int GrainHash { get; } = unchecked((int)entry.GrainId.GetUniformHashCode());

    public TaskCompletionSource<string?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
