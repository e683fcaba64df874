using Npgsql;

namespace HccOrleans.Persistence;

/// <summary>
/// Recomputes the dossier index from grain state: empties the index tables, queues every stored dossier
/// and indexes the queue a batch at a time, in one transaction (readers see the old index or the new one, never a half-built one).
/// </summary>
public static class IndexRebuilder
{
    private const int RebuildBatch = 1000;

    public static async Task<(long Dossiers, long Escalations)> RebuildAsync(NpgsqlDataSource database, IDossierIndexSource source, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in new[]
        {
            "LOCK TABLE hcc_dossier_index, hcc_escalation_index, hcc_dossier_search IN EXCLUSIVE MODE",
            "DELETE FROM hcc_escalation_index",
            "DELETE FROM hcc_dossier_index",
            "DELETE FROM hcc_dossier_search",
            """
            INSERT INTO hcc_index_queue (service_id, code, grainidhash, graintypehash, grainidn0, grainidn1)
            SELECT serviceid, grainidextensionstring, grainidhash, graintypehash, grainidn0, grainidn1
            FROM orleansstorage WHERE graintypestring = 'dossier' AND payloadbinary IS NOT NULL
            """,
        })
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        while (await IndexPump.IndexQueuedAsync(connection, source, RebuildBatch, cancellationToken) == RebuildBatch)
        {
        }

        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM hcc_dossier_index), (SELECT count(*) FROM hcc_escalation_index)", connection, transaction);
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var result = (reader.GetInt64(0), reader.GetInt64(1));
        await reader.CloseAsync();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
