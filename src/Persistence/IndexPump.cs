using Npgsql;

namespace HccOrleans.Persistence;

/// <summary>
/// Indexes the dossiers that the ADO.NET storage provider wrote: their writes queue them (the trigger of migration
/// 0006), and every <see cref="Interval"/> this takes a batch off the queue and writes their index rows through
/// <see cref="DossierIndexProjection"/>, in one transaction. Every silo runs one; they share the queue without
/// overlapping (SKIP LOCKED). With the group-commit storage the queue stays empty: it indexes as it writes.
/// </summary>
public sealed partial class IndexPump(NpgsqlDataSource database, IDossierIndexSource source, ILogger<IndexPump> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private const int Batch = 500;

    private const string Take = """
        WITH taken AS (
            DELETE FROM hcc_index_queue q
            WHERE q.id IN (SELECT id FROM hcc_index_queue ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
            RETURNING q.service_id, q.code, q.grainidhash, q.graintypehash, q.grainidn0, q.grainidn1),
        dossiers AS (
            SELECT DISTINCT * FROM taken)
        SELECT (SELECT count(*) FROM taken)::integer, d.service_id, s.payloadbinary
        FROM (SELECT 1) AS one
        LEFT JOIN (dossiers d
            JOIN orleansstorage s
              ON s.grainidhash = d.grainidhash AND s.graintypehash = d.graintypehash
             AND s.grainidn0 = d.grainidn0 AND s.grainidn1 = d.grainidn1 AND s.serviceid = d.service_id
             AND s.graintypestring = 'dossier' AND s.grainidextensionstring = d.code AND s.payloadbinary IS NOT NULL) ON true
        """;

    /// <summary>Indexes everything queued now, a transaction per batch; returns how many queue entries it took.</summary>
    public static async Task<long> DrainAsync(NpgsqlDataSource database, IDossierIndexSource source, CancellationToken cancellationToken = default)
    {
        long total = 0;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var taken = await IndexQueuedAsync(connection, source, Batch, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += taken;
            if (taken < Batch)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// Takes up to <paramref name="batch"/> queue entries and writes the index rows of their dossiers, in the
    /// connection's current transaction (a queue entry goes only with the rows it stands for); answers how many it took.
    /// </summary>
    public static async Task<int> IndexQueuedAsync(NpgsqlConnection connection, IDossierIndexSource source, int batch, CancellationToken cancellationToken)
    {
        var taken = 0;
        var states = new List<(string ServiceId, DossierIndexRow Row)>();
        await using (var take = new NpgsqlCommand(Take, connection))
        {
            take.Parameters.AddWithValue(batch);
            await using var reader = await take.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                taken = reader.GetInt32(0);
                if (!reader.IsDBNull(2) && source.FromStored(reader.GetFieldValue<byte[]>(2)) is { } row)
                {
                    states.Add((reader.GetString(1), row));
                }
            }
        }

        foreach (var service in states.GroupBy(s => s.ServiceId, StringComparer.Ordinal))
        {
            await DossierIndexProjection.WriteAsync(connection, service.Key, service.Select(s => s.Row), cancellationToken);
        }

        return taken;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(Interval, TimeSpan.FromSeconds(10));
        var wait = Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(wait, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                await DrainAsync(database, source, stoppingToken);
                backoff.Reset();
                wait = Interval;
            }
            catch (NpgsqlException exception)
            {
                // The queue keeps everything until the database is back; its absence is told once by the outage-aware logging.
                LogIndexingFailed(logger, exception);
                wait = backoff.Next();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexing the queued dossiers failed; retrying")]
    private static partial void LogIndexingFailed(ILogger logger, Exception exception);
}
