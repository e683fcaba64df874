using HccOrleans.Persistence;
using HccOrleans.Persistence.GroupCommit;
using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Silo.Providers;

/// <summary>
/// How a batch of writes is committed: the states, the rows derived from them and the commit in one round trip, or,
/// when one of its writes lost its version check, again in three steps (docs/decisions/0021).
/// </summary>
public sealed partial class GroupCommitGrainStorage
{
    private async Task<int?[]> CommitAsync(NpgsqlConnection connection, List<PendingWrite> batch, CancellationToken cancellationToken)
    {
        var projected = batch.Select(w => w.Key.StateName).Distinct(StringComparer.Ordinal)
            .Select(state => _projections.GetValueOrDefault(state)).OfType<IStateProjection>().ToArray();
        try
        {
            return await CommitInOneRoundTripAsync(connection, batch, projected, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == StorageStatements.LostVersionCheck)
        {
            LogWrittenStepByStep(_logger, batch.Count);
            return await CommitStepByStepAsync(connection, batch, projected, cancellationToken);
        }
    }

    /// <summary>
    /// The states, the rows derived from them and the commit in one round trip. The derived rows are built before
    /// PostgreSQL has said which writes took, so a batch that has any stops when one of its writes lost
    /// (<see cref="StorageStatements.WriteEvery"/>), and nothing of it is stored. A batch without derived rows is one
    /// statement, its own transaction.
    /// </summary>
    private async Task<int?[]> CommitInOneRoundTripAsync(NpgsqlConnection connection, List<PendingWrite> batch, IStateProjection[] projected, CancellationToken cancellationToken)
    {
        var derives = projected.Length > 0;
        await using var statements = new NpgsqlBatch(connection);
        if (derives)
        {
            statements.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            AddPrologues(statements, projected);
        }

        statements.BatchCommands.Add(WriteCommand(batch, derives ? StorageStatements.WriteEvery : StorageStatements.Write));
        if (derives)
        {
            foreach (var projection in projected)
            {
                projection.AddTo(statements, StatesOf(batch, projection, took: _ => true));
            }

            statements.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        }

        try
        {
            return await ExecuteAsync(statements, batch.Count, cancellationToken);
        }
        catch (Exception) when (derives)
        {
            await RollBackAsync(connection);
            throw;
        }
    }

    /// <summary>The states first, then the rows derived from those that took, then the commit: three round trips.</summary>
    private async Task<int?[]> CommitStepByStepAsync(NpgsqlConnection connection, List<PendingWrite> batch, IStateProjection[] projected, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int?[] versions;
        await using (var statements = new NpgsqlBatch(connection, transaction))
        {
            AddPrologues(statements, projected);
            statements.BatchCommands.Add(WriteCommand(batch, StorageStatements.Write));
            versions = await ExecuteAsync(statements, batch.Count, cancellationToken);
        }

        await using (var derived = new NpgsqlBatch(connection, transaction))
        {
            foreach (var projection in projected)
            {
                projection.AddTo(derived, StatesOf(batch, projection, took: i => versions[i] is not null));
            }

            if (derived.BatchCommands.Count > 0)
            {
                await derived.PrepareAsync(cancellationToken);
                await derived.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return versions;
    }

    private NpgsqlBatchCommand WriteCommand(List<PendingWrite> batch, string statement)
    {
        var write = new NpgsqlBatchCommand(statement);
        StorageParameters.AddKeys(write.Parameters, [.. batch.Select(w => w.Key)], _serviceId);
        ArrayParameters.Add(write.Parameters, NpgsqlDbType.Integer, batch.Select(w => w.Expected).ToArray());
        ArrayParameters.Add(write.Parameters, NpgsqlDbType.Bytea, batch.Select(w => w.Payload).ToArray());
        return write;
    }

    private static void AddPrologues(NpgsqlBatch statements, IStateProjection[] projected)
    {
        foreach (var prologue in projected.Select(p => p.Prologue).OfType<string>())
        {
            statements.BatchCommands.Add(new NpgsqlBatchCommand(prologue));
        }
    }

    private static object[] StatesOf(List<PendingWrite> batch, IStateProjection projection, Func<int, bool> took) =>
        [.. batch.Where((w, i) => took(i) && w.Key.StateName == projection.StateName).Select(w => w.State)];

    /// <summary>Runs the statements and answers each write's new version by its ordinal (null: it lost).</summary>
    private static async Task<int?[]> ExecuteAsync(NpgsqlBatch statements, int writes, CancellationToken cancellationToken)
    {
        await statements.PrepareAsync(cancellationToken);
        var versions = new int?[writes];
        await using var reader = await statements.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (reader.FieldCount == 2 && await reader.ReadAsync(cancellationToken))
            {
                versions[reader.GetInt32(0)] = reader.GetInt32(1);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return versions;
    }

    private static async Task RollBackAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // A broken connection: the loop starts over on a fresh one.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Group commit: a write of a batch of {Count} lost its version check; the batch is written again step by step")]
    private static partial void LogWrittenStepByStep(ILogger logger, int count);
}
