using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Persistence.Delivery;

/// <summary>
/// Sends what the outbox holds for the citizen and the portal (migration 0011): each round claims, under a lease,
/// the first undelivered message of each dossier and destination whose version the index shows stored, sends them on
/// their channels a few at a time, and records every outcome in one statement. A failure waits a doubling delay; a
/// citizen's message is marked failed after its last attempt, a portal change never (those after it wait). Runs on
/// every silo; the lease keeps them apart. Nothing personal is logged: ids, channels and error types only.
/// </summary>
public sealed partial class OutboxDelivery(
    NpgsqlDataSource database, string serviceId, IEnumerable<IMessageChannel> channels, IOptions<DeliveryOptions> options, ILogger<OutboxDelivery> logger)
    : BackgroundService
{
    // The messages due, in the order they fell due (migration 0020's index), each taken only if no earlier message of its
    // dossier and destination still waits and its version is stored, until the batch is full: a claim reads about what it
    // takes, however long the queue behind it. Both checks are subqueries run for each row, which PostgreSQL cannot
    // turn into joins, and the first reads the dossier's own rows: planned from statistics taken while the outbox was
    // nearly empty, the joins scanned every waiting row for each candidate (390 ms a claim against 1.4 ms).
    private const string Claim = """
        WITH ready AS (
            SELECT c.id FROM hcc_outbox c
            WHERE c.delivered_at IS NULL AND c.failed_at IS NULL AND c.channel IS NOT NULL
              AND c.next_attempt_at <= now() AND (c.lease_until IS NULL OR c.lease_until < now())
              AND (SELECT 1 FROM hcc_outbox e
                   WHERE e.dossier_code = c.dossier_code AND e.recipient_role = c.recipient_role
                     AND coalesce(e.delivered_at, e.failed_at) IS NULL AND e.channel IS NOT NULL
                     AND (e.version, e.id) < (c.version, c.id)
                   LIMIT 1) IS NULL
              AND (SELECT i.version FROM hcc_dossier_index i WHERE i.service_id = $3 AND i.code = c.dossier_code) >= c.version
            ORDER BY c.next_attempt_at
            LIMIT $1
        )
        UPDATE hcc_outbox o SET lease_until = now() + $2, attempts = o.attempts + 1
        FROM ready
        WHERE o.id = ready.id AND o.delivered_at IS NULL AND (o.lease_until IS NULL OR o.lease_until < now())
        RETURNING o.id, o.dossier_code, o.channel, o.address, o.subject, o.message, o.version, o.attempts
        """;

    private const string Record = """
        UPDATE hcc_outbox o SET
            delivered_at = CASE WHEN r.error IS NULL THEN now() END,
            failed_at = CASE WHEN r.gives_up THEN now() END,
            next_attempt_at = now() + r.retry_after,
            lease_until = NULL,
            last_error = r.error
        FROM unnest($1::text[], $2::text[], $3::bool[], $4::interval[]) AS r(id, error, gives_up, retry_after)
        WHERE o.id = r.id
        """;

    // Later messages of the dossier wait behind these, and the other side needs every one: the portal its status
    // changes in order, the payment platform the order the citizen is to pay.
    private static readonly HashSet<string> NeverGivenUp = [Grains.Interfaces.Model.Destination.PortalSync, "portal-result", "payment"];

    private readonly Dictionary<string, IMessageChannel> _channels = channels.ToDictionary(c => c.Channel, StringComparer.Ordinal);
    private readonly DeliveryOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogChannels(logger, _channels.Count == 0 ? "none" : string.Join(", ", _channels.Keys.Order(StringComparer.Ordinal)));
        var outage = new Backoff(_options.PollEvery, _options.LongestRetryAfter);
        var statisticsChecked = TimeProvider.System.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (TimeProvider.System.GetElapsedTime(statisticsChecked) >= OutboxStatistics.CheckEvery)
                {
                    statisticsChecked = TimeProvider.System.GetTimestamp();
                    await OutboxStatistics.RefreshIfStaleAsync(database, stoppingToken);
                }

                var sent = await RoundAsync(stoppingToken);
                outage.Reset();
                if (sent == 0)
                {
                    await Task.Delay(_options.PollEvery, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException exception)
            {
                LogDatabaseUnreachable(logger, exception.GetType().Name);
                try
                {
                    await Task.Delay(outage.Next(), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// One round: the claimed messages sent at most <see cref="DeliveryOptions.Parallel"/> at a time (each is the only
    /// one of its dossier and destination in the round, so order per destination holds), then their outcomes recorded
    /// together; how many there were.
    /// </summary>
    internal async Task<int> RoundAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        var errors = new string?[claimed.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallel, CancellationToken = cancellationToken },
            async (i, token) => errors[i] = await AttemptAsync(claimed[i], token));
        if (claimed.Count > 0)
        {
            await RecordAsync(claimed, errors, cancellationToken);
        }

        return claimed.Count;
    }

    private async Task<List<OutgoingMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Claim);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.Batch });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = _options.Lease, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        var claimed = new List<OutgoingMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new OutgoingMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetInt64(6), reader.GetInt32(7)));
        }

        return claimed;
    }

    /// <summary>Null when the message got through, else why not (no address or content: the error's type and channel).</summary>
    private async Task<string?> AttemptAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(message.Channel, out var channel))
        {
            return $"Kênh '{message.Channel}' chưa được cấu hình.";
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.AttemptTimeout);
        try
        {
            await channel.DeliverAsync(message, attempt.Token);
            LogDelivered(logger, message.Id, message.Channel, message.Attempt);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogAttemptFailed(logger, message.Id, message.Channel, message.Attempt, exception.GetType().Name);
            return Reason(exception);
        }
    }

    /// <summary>Why an attempt failed, in words that carry no address or content.</summary>
    private string Reason(Exception exception) => exception switch
    {
        DeliveryRefusedException refused => refused.Message,
        OperationCanceledException => $"Quá {_options.AttemptTimeout.TotalSeconds:0} giây không có trả lời.",
        System.Net.Sockets.SocketException socket => $"Không kết nối được ({socket.SocketErrorCode}).",
        HttpRequestException { StatusCode: { } status } => $"Bên nhận trả lời HTTP {(int)status}.",
        HttpRequestException { InnerException: System.Net.Sockets.SocketException socket } => $"Không kết nối được ({socket.SocketErrorCode}).",
        _ => exception.GetType().Name,
    };

    private async Task RecordAsync(List<OutgoingMessage> messages, string?[] errors, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Record);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string[]> { TypedValue = [.. messages.Select(m => m.Id)] });
        p.Add(new NpgsqlParameter<string?[]> { TypedValue = errors, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<bool[]> { TypedValue = [.. messages.Select((m, i) => GivesUp(m, errors[i]))] });
        p.Add(new NpgsqlParameter<TimeSpan[]>
        {
            TypedValue = [.. messages.Select(m => Backoff.After(_options.FirstRetryAfter, _options.LongestRetryAfter, m.Attempt))],
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Interval,
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool GivesUp(OutgoingMessage message, string? error) => error is not null && !NeverGivenUp.Contains(message.Channel)
        && (message.Attempt >= _options.MaxAttempts || !_channels.ContainsKey(message.Channel));

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox delivery: channels configured: {Channels}")]
    private static partial void LogChannels(ILogger logger, string channels);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox delivery: {Id} sent by {Channel} at attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, string id, string channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery: {Id} by {Channel} failed at attempt {Attempt} ({Error}); tried again later")]
    private static partial void LogAttemptFailed(ILogger logger, string id, string channel, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery: the database is unreachable ({Error}); the loop waits and tries again")]
    private static partial void LogDatabaseUnreachable(ILogger logger, string error);
}
