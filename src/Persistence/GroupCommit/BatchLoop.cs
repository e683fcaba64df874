using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;

namespace HccOrleans.Persistence.GroupCommit;

/// <summary>
/// Takes whatever items are waiting (up to a batch) and hands them to one executor on a connection of its own, again
/// and again: under load, many callers share one round trip and one commit; alone, a caller waits for no one.
/// A failed batch fails each of its items and the loop continues on a fresh connection. While the database cannot be
/// reached the loop backs off: it waits before its next try (callers queue meanwhile and share that try), so an outage
/// costs one connection attempt per back-off step, not one per caller, and service resumes within one step of the
/// database's return.
/// </summary>
/// <remarks>
/// Its statements take whole batches as arrays and are prepared once per connection; a plan made while a table held a
/// few rows must not scan it once it holds millions, so the loop's sessions rule sequential scans out. They also keep
/// one plan per statement: left to choose, PostgreSQL plans an array statement again at every execution (a plan for
/// the few rows of a small batch looks cheaper than the generic one), and in a quiet hour's batches of one or two rows
/// that planning cost more than running the statement (decision 0020).
/// </remarks>
internal sealed partial class BatchLoop<T>(
    string name,
    ChannelReader<T> queue,
    NpgsqlDataSource database,
    int maxBatch,
    Func<NpgsqlConnection, IReadOnlyList<T>, CancellationToken, Task> execute,
    Action<T, Exception> fail,
    ILogger logger)
    where T : BatchedItem
{
    // One statement, one round trip. The session is named after the process, then the loop ($1): an operator looking at
    // pg_stat_activity sees which backend is the writer.
    private const string SessionSettings = """
        SELECT set_config('enable_seqscan', 'off', false), set_config('plan_cache_mode', 'force_generic_plan', false),
               set_config('application_name', left(current_setting('application_name') || ' ' || $1, 63), false)
        """;

    private const string SessionReset = "RESET enable_seqscan; RESET plan_cache_mode; RESET application_name";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<T>(maxBatch);
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));
        NpgsqlConnection? connection = null;
        using var tracked = BatchMetrics.Track(name, () => queue.CanCount ? queue.Count : 0);
        try
        {
            while (await queue.WaitToReadAsync(cancellationToken))
            {
                batch.Clear();
                while (batch.Count < maxBatch && queue.TryRead(out var item))
                {
                    batch.Add(item);
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                using var span = BatchTracing.Start(name, batch);
                try
                {
                    connection ??= await OpenAsync(cancellationToken);
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        await execute(connection, batch, cancellationToken);
                    }
                    finally
                    {
                        BatchMetrics.Record(name, batch.Count, Stopwatch.GetElapsedTime(started));
                    }

                    backoff.Reset();
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The database's absence is held back and counted by the outage-aware logging, not written per batch.
                    LogBatchFailed(logger, name, batch.Count, exception);
                    FailAll(batch, exception);

                    // The connection may be broken or mid-transaction: start over on a fresh one.
                    await ReturnAsync(connection);
                    connection = null;
                    if (DatabaseOutage.IsUnreachable(exception))
                    {
                        await Task.Delay(backoff.Next(), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }
                }
            }
        }
        finally
        {
            await ReturnAsync(connection);
        }
    }

    private void FailAll(List<T> batch, Exception exception)
    {
        foreach (var item in batch)
        {
            fail(item, exception);
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var settings = new NpgsqlCommand(SessionSettings, connection) { Parameters = { new() { Value = name } } };
        await settings.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Gives the connection back to the pool as the pool lent it (the pool does not reset sessions).</summary>
    private static async Task ReturnAsync(NpgsqlConnection? connection)
    {
        if (connection is null)
        {
            return;
        }

        try
        {
            await using var reset = new NpgsqlCommand(SessionReset, connection);
            await reset.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // A broken connection is dropped by the pool anyway.
        }

        await connection.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Group commit {Loop}: a batch of {Count} failed; its callers were told")]
    private static partial void LogBatchFailed(ILogger logger, string loop, int count, Exception exception);
}
