using Npgsql;

namespace HccOrleans.Silo.Persistence;

/// <summary>
/// Folds the index queue (filled by the dossier-state trigger, migration 0006) into the dossier index,
/// a batch at a time, every <see cref="Interval"/>. Every silo runs one; they share the queue without
/// overlapping (SKIP LOCKED). A queue row is removed only in the transaction that indexes it.
/// </summary>
public sealed partial class IndexPump(NpgsqlDataSource database, ILogger<IndexPump> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private const int Batch = 500;

    /// <summary>Indexes everything queued now; returns how many dossiers it indexed.</summary>
    public static async Task<long> DrainAsync(NpgsqlDataSource database, CancellationToken cancellationToken = default)
    {
        long total = 0;
        while (true)
        {
            await using var refresh = database.CreateCommand($"SELECT hcc_index_refresh({Batch})");
            var taken = (int)(await refresh.ExecuteScalarAsync(cancellationToken))!;
            total += taken;
            if (taken < Batch)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DrainAsync(database, stoppingToken);
            }
            catch (NpgsqlException exception)
            {
                // The database is away; the queue keeps everything until it is back.
                LogIndexingFailed(logger, exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexing the queued dossiers failed ({Reason}); retrying")]
    private static partial void LogIndexingFailed(ILogger logger, string reason);
}
