using System.Diagnostics.Metrics;
using HccOrleans.Grains.Interfaces;
using Npgsql;

namespace HccOrleans.Persistence;

/// <summary>
/// The engine's backlogs as gauges on the <see cref="EngineTelemetry.MeterName"/> meter: dossier writes waiting for
/// the index (the ADO.NET path's queue) and notifications recorded but not delivered, with the age of the oldest.
/// Read from PostgreSQL every <see cref="Interval"/> (one small query), so a scrape never waits for the database.
/// </summary>
public sealed partial class BacklogGauges : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private const string Query = """
        SELECT (SELECT count(*) FROM hcc_index_queue),
               (SELECT count(*) FROM hcc_outbox WHERE delivered_at IS NULL),
               coalesce((SELECT extract(epoch FROM now() - min(created_at)) FROM hcc_outbox WHERE delivered_at IS NULL), 0)::float8
        """;

    private readonly NpgsqlDataSource _database;
    private readonly ILogger<BacklogGauges> _logger;
    private (long IndexLag, long OutboxBacklog, double OutboxOldest)? _last;

    public BacklogGauges(NpgsqlDataSource database, IMeterFactory meters, ILogger<BacklogGauges> logger)
    {
        _database = database;
        _logger = logger;
        var meter = meters.Create(EngineTelemetry.MeterName);
        meter.CreateObservableGauge("hcc.index.lag", () => Observe(b => b.IndexLag), "{dossier}",
            "Dossier writes waiting to be indexed (queued by the ADO.NET storage path; the group-commit storage indexes as it writes).");
        meter.CreateObservableGauge("hcc.outbox.backlog", () => Observe(b => b.OutboxBacklog), "{notification}",
            "Escalation notifications recorded and not delivered yet.");
        meter.CreateObservableGauge("hcc.outbox.oldest_age", () => Observe(b => b.OutboxOldest), "s",
            "Age of the oldest notification not delivered yet.");
    }

    /// <summary>Reads once before the host serves, so the first scrape already has the backlogs.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await ReadAsync(stoppingToken);
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _database.CreateCommand(Query);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            _last = (reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2));
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // An outage shows as no reading rather than a stale one (and is told once by the outage-aware logging).
            _last = null;
            LogUnreadable(_logger, exception);
        }
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<(long IndexLag, long OutboxBacklog, double OutboxOldest), T> pick)
        where T : struct =>
        _last is { } last ? [new Measurement<T>(pick(last))] : [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backlog gauges: PostgreSQL could not be read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
