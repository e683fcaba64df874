using Npgsql;

namespace HccOrleans.Persistence;

/// <summary>
/// Runs the schema migrations at start-up, before the Orleans silo starts (it is registered first), retrying
/// while the database is still coming up.
/// </summary>
internal sealed partial class SchemaMigrationService(SchemaMigrator migrator, ILogger<SchemaMigrationService> logger) : IHostedService
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException exception) when (exception.IsTransient && waited.Elapsed < GiveUpAfter)
            {
                LogRetrying(logger, exception.Message);
                await Task.Delay(RetryEvery, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet ({Reason}); retrying the schema migration")]
    private static partial void LogRetrying(ILogger logger, string reason);
}
