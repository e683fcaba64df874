using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using HccOrleans.Persistence;
using HccOrleans.Persistence.GroupCommit;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace HccOrleans.Silo.Providers;

/// <summary>
/// Grain storage on the ADO.NET provider's table and version rule that writes many grains' states in one round trip
/// and one commit (and reads many in one round trip), with the rows each state projects (<see cref="IStateProjection"/>)
/// in the same transaction. A writer is answered only after its batch committed. See docs/decisions/0007.
/// </summary>
public sealed partial class GroupCommitGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly NpgsqlDataSource _database;
    private readonly string _serviceId;
    private readonly GroupCommitOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly Dictionary<string, IStateProjection> _projections;
    private readonly ILogger<GroupCommitGrainStorage> _logger;
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>();
    private readonly Channel<PendingRead> _reads = Channel.CreateUnbounded<PendingRead>();
    private readonly BatchLoops _loops = new();

    public GroupCommitGrainStorage(
        string name,
        NpgsqlDataSource database,
        IOptions<ClusterOptions> cluster,
        GroupCommitOptions options,
        IGrainStorageSerializer serializer,
        IActivatorProvider activators,
        IEnumerable<IStateProjection> projections,
        ILogger<GroupCommitGrainStorage> logger)
    {
        _name = name;
        _database = database;
        _serviceId = cluster.Value.ServiceId;
        _options = options;
        _serializer = serializer;
        _activators = activators;
        _projections = projections.ToDictionary(p => p.StateName, StringComparer.Ordinal);
        _logger = logger;
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        // Storage services start before grains activate and stop after they deactivated (and wrote their state).
        lifecycle.Subscribe($"{nameof(GroupCommitGrainStorage)}-{_name}", ServiceLifecycleStage.RuntimeStorageServices, StartAsync, StopAsync);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var read = new PendingRead(StorageRowKey.For(stateName, grainId));
        Enqueue(_reads, read);
        var (payload, version) = await read.Done.Task;
        grainState.State = payload is null ? _activators.GetActivator<T>().Create() : _serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var write = new PendingWrite(StorageRowKey.For(stateName, grainId), Version(grainState.ETag), Bytes(_serializer.Serialize(grainState.State)), grainState.State!);
        Enqueue(_writes, write);
        var version = await write.Done.Task
            ?? throw Conflict("WriteState", stateName, grainId, grainState.ETag);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <summary>Clears as the ADO.NET provider does (the row stays, without payload, one version on); rare, so not batched.</summary>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        await using var command = _database.CreateCommand(StorageStatements.Clear);
        StorageParameters.AddKeys(command.Parameters, [StorageRowKey.For(stateName, grainId)], _serviceId);
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Integer, new[] { Version(grainState.ETag) });
        await using var reader = await command.ExecuteReaderAsync();
        var version = await reader.ReadAsync() ? reader.GetInt32(1) : (int?)null;
        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture) ?? throw Conflict("ClearState", stateName, grainId, grainState.ETag);
        grainState.RecordExists = false;
        grainState.State = _activators.GetActivator<T>().Create();
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        var writers = Enumerable.Range(0, _options.Writers).Select(i => new BatchLoop<PendingWrite>(
            $"{_name}-write-{i}", _writes.Reader, _database, _options.MaxBatch, WriteBatchAsync, (w, e) => w.Done.TrySetException(e), _logger));
        var readers = Enumerable.Range(0, _options.Readers).Select(i => new BatchLoop<PendingRead>(
            $"{_name}-read-{i}", _reads.Reader, _database, _options.MaxBatch, ReadBatchAsync, (r, e) => r.Done.TrySetException(e), _logger));
        _loops.Start([.. writers.Select(loop => (Func<CancellationToken, Task>)loop.RunAsync), .. readers.Select(loop => (Func<CancellationToken, Task>)loop.RunAsync)]);
        return Task.CompletedTask;
    }

    private Task StopAsync(CancellationToken cancellationToken)
    {
        // Whatever was queued is still written; only then do the loops end.
        _writes.Writer.TryComplete();
        _reads.Writer.TryComplete();
        return _loops.StopAsync(cancellationToken);
    }

    private async Task ReadBatchAsync(NpgsqlConnection connection, IReadOnlyList<PendingRead> batch, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(StorageStatements.Read, connection);
        StorageParameters.AddKeys(command.Parameters, [.. batch.Select(r => r.Key)], _serviceId);
        await command.PrepareAsync(cancellationToken);
        var found = new (byte[]? Payload, int? Version)[batch.Count];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetInt32(0)] = (reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1), reader.IsDBNull(2) ? null : reader.GetInt32(2));
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(found[i]);
        }
    }

    private async Task WriteBatchAsync(NpgsqlConnection connection, IReadOnlyList<PendingWrite> waiting, CancellationToken cancellationToken)
    {
        var batch = BatchWrites.OnePerRow(waiting, w => w.Key, Requeue);
        var versions = await BatchWrites.CommitAsync(() => CommitAsync(connection, batch, cancellationToken), batch.Count, _options.Retries, _logger);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(versions[i]);
        }
    }

    private void Requeue(PendingWrite write)
    {
        if (!_writes.Writer.TryWrite(write))
        {
            write.Done.TrySetException(new InvalidOperationException("The grain storage has stopped."));
        }
    }

    /// <summary>The serialized state's own array when it fills it (System.Text.Json's does), so a write copies nothing.</summary>
    private static byte[] Bytes(BinaryData serialized) =>
        MemoryMarshal.TryGetArray(serialized.ToMemory(), out var segment) && segment is { Offset: 0, Array: { } array } && array.Length == segment.Count
            ? array
            : serialized.ToArray();

    private static void Enqueue<TItem>(Channel<TItem> channel, TItem item)
    {
        if (!channel.Writer.TryWrite(item))
        {
            throw new InvalidOperationException("The grain storage has stopped.");
        }
    }

    private static int? Version(string? etag) => string.IsNullOrWhiteSpace(etag) ? null : int.Parse(etag, CultureInfo.InvariantCulture);

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"Version conflict ({operation}): ServiceId={_serviceId} ProviderName={_name} GrainType={stateName} GrainId={grainId} ETag={etag}.");
}
