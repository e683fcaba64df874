using HccOrleans.Grains.Interfaces.Changes;
using Npgsql;

namespace HccOrleans.Persistence;

/// <summary>
/// On PostgreSQL, listens for the codes the indexer notifies (migration 0007, channel <c>hcc_dossiers</c>) and puts
/// them on the process's <see cref="DossierChangeFeed"/>. One connection per API process; reconnects after a fault.
/// </summary>
public sealed partial class DossierChangeListener(NpgsqlDataSource database, DossierChangeFeed feed, ILogger<DossierChangeListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => feed.Publish(e.Payload.Split(',', StringSplitOptions.RemoveEmptyEntries));
                await using (var listen = new NpgsqlCommand($"LISTEN {DossierIndexProjection.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever changed while nobody listened: pages reload what they show.
                feed.Publish([DossierChangeFeed.Everything]);
                backoff.Reset();
                try
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await connection.WaitAsync(stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    await UnlistenAsync(connection);
                    return;
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                // The database's absence is told once by the outage-aware logging.
                LogListenFailed(logger, exception);
                await Task.Delay(backoff.Next(), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>The pool does not reset sessions: the connection goes back without its LISTEN (a broken one is dropped anyway).</summary>
    private static async Task UnlistenAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection);
            await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // Nothing to give back.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for dossier changes failed; retrying")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
