using Npgsql;

namespace HccOrleans.Persistence.GroupCommit;

/// <summary>What every batch of writes needs before and around its commit (the grain storage, the reminder table).</summary>
internal static partial class BatchWrites
{
    /// <summary>
    /// The batch with one item per row: a statement may touch a row once, so a second write of the same row (rare:
    /// interleaved calls) is handed to <paramref name="requeue"/> for the next batch.
    /// </summary>
    public static List<T> OnePerRow<T, TKey>(IReadOnlyList<T> waiting, Func<T, TKey> key, Action<T> requeue)
        where TKey : notnull
    {
        var rows = new HashSet<TKey>();
        var batch = new List<T>(waiting.Count);
        foreach (var item in waiting)
        {
            if (rows.Add(key(item)))
            {
                batch.Add(item);
            }
            else
            {
                requeue(item);
            }
        }

        return batch;
    }

    /// <summary>The batch's commit, run again (up to <paramref name="retries"/> times) when it met a deadlock or a serialization failure.</summary>
    public static async Task<TResult> CommitAsync<TResult>(Func<Task<TResult>> commit, int count, int retries, ILogger logger)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await commit();
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                                                      && attempt < retries)
            {
                LogBatchRetried(logger, count, exception.SqlState);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Group commit: a batch of {Count} met {SqlState} and is tried again")]
    private static partial void LogBatchRetried(ILogger logger, int count, string sqlState);
}
