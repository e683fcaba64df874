namespace HccOrleans.Silo.Hosting;

/// <summary>Says loudly, at start, that the quick start keeps nothing across restarts.</summary>
internal sealed partial class NotDurableWarning(ILogger<NotDurableWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogNotDurable(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No ConnectionStrings:Hcc configured: running on IN-MEMORY storage, reminders and localhost clustering. " +
        "Data is NOT durable and is lost when this process stops. Set ConnectionStrings__Hcc to a PostgreSQL database for production.")]
    private static partial void LogNotDurable(ILogger logger);
}
