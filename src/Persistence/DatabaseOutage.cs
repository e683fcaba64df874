using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Sockets;
using Npgsql;

namespace HccOrleans.Persistence;

/// <summary>
/// An expected outage of PostgreSQL told once: one warning when the first operation fails, a count while it lasts
/// (<c>hcc_database_failures_total</c>), and one line when the database answers again, found by a probe that backs
/// off. Every logged failure whose cause is the database being away comes here instead of the log (the outage-aware
/// logging sends it): the storage, the reminder table, the index, the outbox, the queries, and what Orleans logs.
/// </summary>
public sealed partial class DatabaseOutage : IDisposable
{
    private readonly NpgsqlDataSource? _database;
    private readonly ILogger<DatabaseOutage> _logger;
    private readonly Counter<long> _failures;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    /// <summary>Failures this soon after the end was told are stragglers of the outage that ended, not a new one.</summary>
    private static readonly TimeSpan Stragglers = TimeSpan.FromSeconds(1);

    private long _stamp;
    private long _count;
    private bool _down;
    private long _answeredAt;

    public DatabaseOutage(IServiceProvider services, IMeterFactory meters, ILogger<DatabaseOutage> logger)
    {
        _database = services.GetService<NpgsqlDataSource>();
        _logger = logger;
        _failures = meters.Create(EngineTelemetry.MeterName).CreateCounter<long>("hcc.database.failures", "{operation}",
            "Operations that failed because PostgreSQL could not be reached (each also answered 503 or was retried).");
    }

    private bool IsDown
    {
        get
        {
            lock (_gate)
            {
                return _down;
            }
        }
    }

    /// <summary>True when <paramref name="exception"/> (or what it wraps) says the database is away, not that a statement is wrong.</summary>
    public static bool IsUnreachable(Exception? exception) => exception switch
    {
        null => false,
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || IsUnreachable(npgsql.InnerException),
        SocketException or EndOfStreamException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnreachable),
        _ => IsUnreachable(exception.InnerException),
    };

    /// <summary>Counts a failed operation; the first of an outage is logged and starts the probe that will see its end.</summary>
    public void Failed(Exception exception)
    {
        _failures.Add(1);
        lock (_gate)
        {
            _count++;
            if (_down || (_answeredAt != 0 && Stopwatch.GetElapsedTime(_answeredAt) < Stragglers))
            {
                return;
            }

            _down = true;
            _count = 1;
            _stamp = Stopwatch.GetTimestamp();
        }

        LogDown(_logger, Reason(exception));
        if (_database is not null)
        {
            _ = ProbeAsync(_database, _stopping.Token);
        }
    }

    /// <summary>The probe reached the database: the outage is over.</summary>
    private void Answered()
    {
        long count;
        TimeSpan lasted;
        lock (_gate)
        {
            if (!_down)
            {
                return;
            }

            _down = false;
            _answeredAt = Stopwatch.GetTimestamp();
            count = _count;
            lasted = Stopwatch.GetElapsedTime(_stamp);
        }

        LogUp(_logger, lasted.TotalSeconds, count);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task ProbeAsync(NpgsqlDataSource database, CancellationToken stopping)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        while (IsDown && !stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(backoff.Next(), stopping);
                await using var probe = database.CreateCommand("SELECT 1");
                await probe.ExecuteScalarAsync(stopping);
                Answered();
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception) when (IsUnreachable(exception) || exception is TimeoutException or InvalidOperationException)
            {
                // Still away: the outage's warning has been given; the next probe waits longer.
            }
        }
    }

    private static string Reason(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException or SocketException)
            {
                return e.Message;
            }
        }

        return exception.Message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL cannot be reached ({Reason}); requests answer 503 and failures are counted (hcc_database_failures_total) until it answers again")]
    private static partial void LogDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL answers again after {Seconds:F1} s; {Failures} operations failed meanwhile")]
    private static partial void LogUp(ILogger logger, double seconds, long failures);
}
