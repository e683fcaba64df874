using System.Collections.Concurrent;
using HccOrleans.Persistence;
using HccOrleans.Persistence.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// The delivery loop against a queue of many dossiers' messages: each sent once, in version order per dossier and
/// destination, a few at a time, and a message that keeps failing holds up only those behind it; and the outbox's
/// statistics kept near its size, which the claim's plan rests on.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class OutboxClaimTests(PostgresServer postgres)
{
    private const int Dossiers = 40;
    private const int Versions = 5;
    private const string Stuck = "D-07";
    private const string Service = "claim";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AQueueOfManyDossiers_IsSentOnceEach_InVersionOrder_SeveralAtATime_AndAFailingHeadHoldsUpOnlyItsOwn()
    {
        await using var database = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync("outbox-claim"));
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await QueuedAsync(database);
        var sms = new RecordingChannel("sms", failing: $"{Stuck}/v1/sms");
        var portal = new RecordingChannel("portal-sync", failing: null);
        var delivery = new OutboxDelivery(database, Service, [sms, portal], Options.Create(new DeliveryOptions { Batch = 16, Parallel = 4 }),
            NullLogger<OutboxDelivery>.Instance);

        // Its first round starts four sends before any of them answers: they wait for one another.
        sms.HoldUntilInFlight(4);
        var first = delivery.RoundAsync(CancellationToken.None);
        await Waits.WithinAsync(sms.AllArrived, Within, () => $"{sms.InFlightMost} sends were in flight at most");
        Assert.Equal(16, await first);

        var rounds = 1;
        while (await delivery.RoundAsync(CancellationToken.None) > 0)
        {
            Assert.True(++rounds < 100, "the queue did not empty in 100 rounds");
        }

        var sent = sms.Sent.Concat(portal.Sent).ToList();
        var expected = Dossiers * Versions * 2 - Versions;
        Assert.Equal(expected, sent.Count(s => s.Delivered));
        Assert.Equal(expected, sent.Where(s => s.Delivered).Select(s => s.Id).Distinct().Count());
        foreach (var destination in sent.GroupBy(s => (s.Dossier, s.Channel)))
        {
            Assert.Equal(destination.Select(s => s.Version).Order(), destination.Select(s => s.Version));
        }

        // The stuck head was tried once (its retry is 15 s away); the four behind it were never sent and still wait.
        Assert.Equal([(1L, false)], sent.Where(s => s.Dossier == Stuck && s.Channel == "sms").Select(s => (s.Version, s.Delivered)));
        Assert.Equal(Versions, await database.ScalarAsync<long>($"SELECT count(*) FROM hcc_outbox WHERE dossier_code = '{Stuck}' AND channel = 'sms' AND delivered_at IS NULL AND failed_at IS NULL"));
        Assert.Equal(1, await database.ScalarAsync<long>($"SELECT count(*) FROM hcc_outbox WHERE id = '{Stuck}/v1/sms' AND next_attempt_at > now() AND last_error IS NOT NULL AND lease_until IS NULL"));
    }

    [Fact]
    public async Task AnOutboxAnalysedNearlyEmpty_ThenFilled_IsAnalysedAgain_SoItsClaimIsPlannedForItsSize()
    {
        await using var database = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync("outbox-statistics"));
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await database.ExecuteAsync("ANALYZE hcc_outbox");
        Assert.False(await OutboxStatistics.RefreshIfStaleAsync(database, CancellationToken.None));

        await using (var connection = await database.OpenConnectionAsync())
        {
            await using var fill = new NpgsqlCommand("""
                INSERT INTO hcc_outbox (id, dossier_code, kind, recipient_role, agency, due_at, fired_at, repeat, message, channel, address,
                    subject, version, next_attempt_at)
                SELECT 'M-' || n, 'M-' || n, 'citizen-notice', 'citizen', 'TTHCC', now(), now(), 0, 'Hồ sơ', 'sms', '0905111222', 'Hồ sơ', 1, now()
                FROM generate_series(1, 3000) n;
                SELECT pg_stat_force_next_flush();
                """, connection);
            await fill.ExecuteNonQueryAsync();
        }

        var analysed = false;
        await Waits.UntilAsync(() => analysed = OutboxStatistics.RefreshIfStaleAsync(database, CancellationToken.None).Result, Within,
            () => "PostgreSQL never counted the 3,000 new rows as a change since the last analysis");
        Assert.True(analysed);
        Assert.Equal(3000, await database.ScalarAsync<long>("SELECT reltuples::bigint FROM pg_class WHERE relname = 'ix_hcc_outbox_due'"));
        Assert.False(await OutboxStatistics.RefreshIfStaleAsync(database, CancellationToken.None));
    }

    /// <summary>Five versions of each dossier for the citizen and for the portal, stored in the index; queued oldest first, dossier by dossier.</summary>
    private static async Task QueuedAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand($"""
            INSERT INTO hcc_dossier_index (service_id, code, version, status, step, handling_started, procedure_code, procedure_version,
                procedure_name, field, receiving_unit, handling_agency, agencies, channel, applicant_name, submitted_at, supplement_requests,
                paused_hours, apologized, overdue_spans)
            SELECT '{Service}', 'D-' || lpad(d::text, 2, '0'), {Versions}, 'processing', 'appraise', true, 'P', 1, 'Thủ tục', 'Lĩnh vực', 'TTHCC', 'SO',
                ARRAY['TTHCC'], 'direct', 'Người nộp', now(), 0, 0, false, 'empty'::tstzrange::tstzmultirange
            FROM generate_series(0, {Dossiers - 1}) d;
            INSERT INTO hcc_outbox (id, dossier_code, kind, recipient_role, agency, due_at, fired_at, repeat, message, channel, address, subject,
                version, next_attempt_at)
            SELECT 'D-' || lpad(d::text, 2, '0') || '/v' || v || '/' || c.channel, 'D-' || lpad(d::text, 2, '0'), 'citizen-notice', c.role, 'TTHCC',
                now(), now(), 0, 'Hồ sơ', c.channel, '0905111222', 'Hồ sơ', v, now() - interval '1 hour' + (d * 10 + v) * interval '1 second'
            FROM generate_series(0, {Dossiers - 1}) d, generate_series(1, {Versions}) v, (VALUES ('citizen', 'sms'), ('portal', 'portal-sync')) c(role, channel);
            """);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Attempt(string Id, string Dossier, string Channel, long Version, bool Delivered);

    /// <summary>A channel that records every attempt, refuses one message always, and can hold its first sends until enough are in flight.</summary>
    private sealed class RecordingChannel(string channel, string? failing) : IMessageChannel
    {
        private readonly ConcurrentQueue<Attempt> _sent = new();
        private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _holdUntil;
        private int _inFlight;
        private long _inFlightMost;

        public string Channel => channel;

        public IEnumerable<Attempt> Sent => _sent;

        public Task AllArrived => _arrived.Task;

        public long InFlightMost => Interlocked.Read(ref _inFlightMost);

        public void HoldUntilInFlight(int count)
        {
            _holdUntil = count;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public async Task DeliverAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            Atomic.RaiseTo(ref _inFlightMost, now);
            try
            {
                if (now >= _holdUntil)
                {
                    _arrived.TrySetResult();
                }

                await _arrived.Task.WaitAsync(cancellationToken);
                var delivered = message.Id != failing;
                _sent.Enqueue(new Attempt(message.Id, message.DossierCode, channel, message.Version, delivered));
                if (!delivered)
                {
                    throw new DeliveryRefusedException("Bên nhận từ chối.");
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
