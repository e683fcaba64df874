using System.Globalization;
using System.Threading.Channels;
using HccOrleans.Persistence;
using HccOrleans.Persistence.GroupCommit;
using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Silo.Providers;

/// <summary>
/// Orleans' ADO.NET reminder table with its upserts batched: many grains' reminder registrations in one round trip and
/// one commit, each caller answered with its row's new version only after that commit. Reads, removals and start-up
/// stay with the ADO.NET table it wraps; both use the same table and version rule (migration 0004), so either reads
/// what the other wrote. See docs/decisions/0008.
/// </summary>
public sealed class GroupCommitReminderTable(
    IReminderTable adoNet,
    NpgsqlDataSource database,
    string serviceId,
    GroupCommitOptions options,
    ILogger<GroupCommitReminderTable> logger) : IReminderTable
{
    private readonly Channel<PendingReminder> _upserts = Channel.CreateUnbounded<PendingReminder>();
    private readonly BatchLoops _loops = new();

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await adoNet.StartAsync(cancellationToken);
        _loops.Start(Enumerable.Range(0, options.Writers).Select(i => (Func<CancellationToken, Task>)new BatchLoop<PendingReminder>(
            $"reminders-{i}", _upserts.Reader, database, options.MaxBatch, UpsertBatchAsync, (r, e) => r.Done.TrySetException(e), logger).RunAsync));
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        // Whatever was queued is still written; only then do the loops end.
        _upserts.Writer.TryComplete();
        await _loops.StopAsync(cancellationToken);
        await adoNet.StopAsync(cancellationToken);
    }

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        var pending = new PendingReminder(entry);
        if (!_upserts.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The reminder table has stopped.");
        }

        return pending.Done.Task;
    }

    public Task<ReminderTableData> ReadRows(GrainId grainId) => adoNet.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => adoNet.ReadRows(begin, end);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => adoNet.ReadRow(grainId, reminderName);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => adoNet.RemoveRow(grainId, reminderName, eTag);

    public Task TestOnlyClearTable() => adoNet.TestOnlyClearTable();

    private async Task UpsertBatchAsync(NpgsqlConnection connection, IReadOnlyList<PendingReminder> waiting, CancellationToken cancellationToken)
    {
        // Rows in key order, so two batches that share rows lock them in the same order.
        var batch = BatchWrites.OnePerRow(waiting, r => r.Key, Requeue)
            .OrderBy(r => r.Key.GrainId, StringComparer.Ordinal).ThenBy(r => r.Key.Name, StringComparer.Ordinal).ToArray();
        var versions = await BatchWrites.CommitAsync(() => CommitAsync(connection, batch, cancellationToken), batch.Length, options.Retries, logger);
        foreach (var upsert in batch)
        {
            upsert.Done.TrySetResult(versions[upsert.Key].ToString(CultureInfo.InvariantCulture));
        }
    }

    private void Requeue(PendingReminder upsert)
    {
        if (!_upserts.Writer.TryWrite(upsert))
        {
            upsert.Done.TrySetException(new InvalidOperationException("The reminder table has stopped."));
        }
    }

    private async Task<Dictionary<(string, string), int>> CommitAsync(NpgsqlConnection connection, IReadOnlyCollection<PendingReminder> batch, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ReminderStatements.Upsert, connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = serviceId });
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Varchar, batch.Select(r => r.Key.GrainId));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Varchar, batch.Select(r => r.Key.Name));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.TimestampTz, batch.Select(r => r.StartAt));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Bigint, batch.Select(r => r.PeriodMilliseconds));
        ArrayParameters.Add(command.Parameters, NpgsqlDbType.Integer, batch.Select(r => r.GrainHash));
        await command.PrepareAsync(cancellationToken);
        var versions = new Dictionary<(string, string), int>(batch.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
        }

        return versions;
    }
}
