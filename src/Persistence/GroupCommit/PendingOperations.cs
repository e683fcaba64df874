namespace HccOrleans.Persistence.GroupCommit;

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
