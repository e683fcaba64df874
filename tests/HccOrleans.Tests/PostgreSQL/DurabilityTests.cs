using Npgsql;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// The engine as separate silo processes on a real PostgreSQL: restarts, SIGKILL, failover and downtime.
/// Deadlines here are real time (seconds long, office hours around the clock), so waits are bounded polls
/// of the engine's own answers.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class DurabilityTests(PostgresServer postgres, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Procedure = "9.000500.000.00.00.T";

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    private static readonly Dictionary<string, string> FastDueSoon = new() { ["Escalations__DueSoonWithin"] = "00:00:10" };

    [Fact]
    public async Task DossierStateAndLog_SurviveSigkillAndGracefulRestart()
    {
        var (connectionString, cluster) = await NewDatabaseAsync("restart");
        await using var silo = new SiloProcess(connectionString, cluster);
        silo.Start();
        await silo.WaitReadyAsync();
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 3600);
        var code = (await http.SubmitAsync(Procedure)).Code;
        await http.ReceiveAsync(Officer, code);
        var acknowledged = await http.ActAsync(SpecialistA, code, "appraise", new { outcome = "eligible", note = "Đủ điều kiện" });

        silo.Kill();
        silo.Start();
        await silo.WaitReadyAsync();

        var afterKill = await http.GetAsync(code);
        Assert.Equal(acknowledged.Version, afterKill.Version);
        Assert.Equal(acknowledged.Log.Select(l => (l.Action, l.Actor, l.At)), afterKill.Log.Select(l => (l.Action, l.Actor, l.At)));
        Assert.Equal(acknowledged.DueAt, afterKill.DueAt);
        var approved = await http.ActAsync(LeaderA, code, "approve", new { note = "Đồng ý" });
        Assert.Equal((DossierStatus.Done, acknowledged.Version + 1), (approved.Status, approved.Version));

        await silo.StopAsync();
        silo.Start();
        await silo.WaitReadyAsync();

        var afterStop = await http.GetAsync(code);
        Assert.Equal((approved.Version, approved.Status, approved.Log.Length), (afterStop.Version, afterStop.Status, afterStop.Log.Length));
        Assert.Equal(approved.CompletedAt, afterStop.CompletedAt);
    }

    [Fact]
    public async Task DeadlineRegisteredBeforeARestart_FiresAfterIt()
    {
        var (connectionString, cluster) = await NewDatabaseAsync("deadline");
        await using var silo = new SiloProcess(connectionString, cluster, FastDueSoon);
        silo.Start();
        await silo.WaitReadyAsync();
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 40);
        var code = (await http.SubmitAsync(Procedure)).Code;
        var received = await http.ReceiveAsync(Officer, code);

        silo.Kill();
        silo.Start();
        await silo.WaitReadyAsync();

        var fired = await EventuallyAsync(() => http.GetAsync(code), d => d.Escalations.Length == 3, TimeSpan.FromMinutes(2));
        Assert.Equal([EscalationKind.StepOverdue, EscalationKind.DueSoon, EscalationKind.Overdue], fired.Escalations.OrderBy(e => e.DueAt).Select(e => e.Kind));
        Assert.Equal(received.DueAt, fired.Escalations.Single(e => e.Kind == EscalationKind.Overdue).DueAt);
        Assert.All(fired.Escalations, e => Assert.True(e.FiredAt >= e.DueAt));
        Assert.Equal(6, await OutboxCountAsync(connectionString, code)); // due-soon 3 (specialist, leader, officer), step-overdue 1, overdue 2
        await AssertRecordedOnceEachAsync(fired, silo);
    }

    [Fact]
    public async Task EscalationsDueWhileEverySiloWasDown_FireWithinTwoMinutesOfRestart_EachExactlyOnce()
    {
        const int dossiers = 10;
        var (connectionString, cluster) = await NewDatabaseAsync("downtime");
        await using var silo = new SiloProcess(connectionString, cluster, FastDueSoon);
        silo.Start();
        await silo.WaitReadyAsync();
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 15);
        var codes = new List<string>();
        for (var i = 0; i < dossiers; i++)
        {
            var code = (await http.SubmitAsync(Procedure)).Code;
            await http.ReceiveAsync(Officer, code);
            codes.Add(code);
        }

        silo.Kill();
        var lastDue = (await DueAtAsync(connectionString, codes)).Max();
        var untilAllDue = lastDue - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        if (untilAllDue > TimeSpan.Zero)
        {
            await Task.Delay(untilAllDue); // the cluster stays down until every deadline has passed
        }

        silo.Start();
        await silo.WaitReadyAsync();
        var sinceReady = Stopwatch.StartNew();
        foreach (var code in codes)
        {
            var fired = await EventuallyAsync(() => http.GetAsync(code), d => d.Escalations.Length == 3, TimeSpan.FromMinutes(2) - sinceReady.Elapsed);
            Assert.Equal(3, fired.Escalations.Select(e => e.Key).Distinct().Count());
            Assert.Equal(6, await OutboxCountAsync(connectionString, code)); // due-soon 3 (specialist, leader, officer), step-overdue 1, overdue 2
            await AssertRecordedOnceEachAsync(fired, silo);
        }

        Assert.True(sinceReady.Elapsed < TimeSpan.FromMinutes(2), $"took {sinceReady.Elapsed}");
    }

    [Fact]
    public async Task TwoSilos_OneSigkilled_EveryDossierStaysActionableAndEachEscalationFiresOnce()
    {
        const int dossiers = 16;
        var (connectionString, cluster) = await NewDatabaseAsync("failover");
        await using var silos = await SiloCluster.StartAsync(connectionString, cluster, settings: FastDueSoon);
        var (survivor, victim) = (silos[0], silos[1]);
        using var http = new EngineHttp(survivor.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 45);
        var codes = new List<string>();
        for (var i = 0; i < dossiers; i++)
        {
            var code = (await http.SubmitAsync(Procedure)).Code;
            await http.ReceiveAsync(Officer, code);
            codes.Add(code);
        }

        victim.Kill();

        // Dossiers whose grains lived on the killed silo answer once the cluster has declared it dead.
        foreach (var code in codes)
        {
            var appraised = await EventuallyAsync(
                () => http.ActAsync(SpecialistA, code, "appraise", new { outcome = "eligible" }),
                d => d.Step == ProcessingStep.Approve,
                TimeSpan.FromSeconds(120),
                retryOn: e => e is HttpRequestException { StatusCode: System.Net.HttpStatusCode.ServiceUnavailable or System.Net.HttpStatusCode.InternalServerError or null } or TaskCanceledException);
            Assert.Equal(4, appraised.Version); // submitted, received, handed over, appraised
        }

        foreach (var code in codes)
        {
            var fired = await EventuallyAsync(() => http.GetAsync(code), d => d.Escalations.Any(e => e.Kind == EscalationKind.Overdue), TimeSpan.FromMinutes(3));
            Assert.Equal(fired.Escalations.Length, fired.Escalations.Select(e => e.Key).Distinct().Count());
            Assert.Single(fired.Escalations, e => e.Kind == EscalationKind.Overdue);
            Assert.Single(fired.Escalations, e => e.Kind == EscalationKind.DueSoon);
            await AssertRecordedOnceEachAsync(fired, survivor, victim);
            // Recipients: due-soon the step's handler, its leader (the same in the approval step) and the officer;
            // step-overdue the leader; overdue the director and the leader.
            Assert.Equal(
                fired.Escalations.Sum(e => (e.Kind, e.Step) switch
                {
                    (EscalationKind.DueSoon, ProcessingStep.Approve) => 2,
                    (EscalationKind.DueSoon, _) => 3,
                    (EscalationKind.StepOverdue, _) => 1,
                    _ => 2,
                }),
                await OutboxCountAsync(connectionString, code));
        }

        RunReport.Write(output, "silo SIGKILL, escalations", $"{codes.Count} dossiers across the kill: each escalation recorded once and its notices once in the outbox");
    }

    [Fact]
    public async Task TwoSilosStartingTogether_OnAnEmptyDatabase_MigrateOnceAndBothServe()
    {
        var (connectionString, cluster) = await NewDatabaseAsync("together");
        await using var silos = await SiloCluster.StartAsync(connectionString, cluster);
        var (first, second) = (silos[0], silos[1]);

        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var versions = database.CreateCommand("SELECT count(*) FROM hcc_schema_version");
        Assert.Equal((long)HccOrleans.Persistence.SchemaMigrator.Migrations.Count, await versions.ExecuteScalarAsync());
        await using var active = database.CreateCommand("SELECT count(*) FROM orleansmembershiptable WHERE status = 3");
        Assert.Equal(2L, await active.ExecuteScalarAsync());
        using var http = new EngineHttp(second.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 3600);
        Assert.Equal(DossierStatus.Submitted, (await http.SubmitAsync(Procedure)).Status);
    }

    /// <summary>
    /// Each escalation the dossier holds was recorded exactly once, counted at the source: the line the grain logs
    /// (event 1003) once its write has succeeded, in every silo that ever ran. The outbox cannot show a double firing:
    /// a notice's id is deterministic and its insert drops a repeat.
    /// </summary>
    private static async Task AssertRecordedOnceEachAsync(DossierSnapshot dossier, params SiloProcess[] silos)
    {
        var marker = $"Dossier {dossier.Code}: escalation ";
        string[] Recorded() => [.. silos.SelectMany(s => s.LogLinesAfter(0)).Where(l => l.Contains(marker, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf('(', l.IndexOf(marker, StringComparison.Ordinal)) + 1)..l.IndexOf(')', l.IndexOf(marker, StringComparison.Ordinal))])
            .GroupBy(key => key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} × {g.Count()}")];
        string[] expected = [.. dossier.Escalations.Select(e => e.Key).Order(StringComparer.Ordinal).Select(key => $"{key} × 1")];

        // The line follows the acknowledged write through the console's queue and the pipe: wait for it, for a while.
        await Waits.UntilAsync(() => Recorded().SequenceEqual(expected), TimeSpan.FromSeconds(10),
            () => $"escalations of {dossier.Code} held [{string.Join(", ", expected)}], the silos' logs recorded [{string.Join(", ", Recorded())}]");
    }

    private async Task<(string ConnectionString, string Cluster)> NewDatabaseAsync(string name) =>
        (await postgres.CreateDatabaseAsync(name), $"{name}-{Guid.NewGuid():N}"[..20]);

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> attempt, Func<T, bool> done, TimeSpan within, Func<Exception, bool>? retryOn = null)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        T? latest = default;
        while (clock.Elapsed < within)
        {
            try
            {
                latest = await attempt();
                if (done(latest))
                {
                    return latest;
                }
            }
            catch (Exception exception) when (retryOn?.Invoke(exception) == true)
            {
                last = exception;
            }

            await Task.Delay(PollEvery);
        }

        throw new TimeoutException($"Not reached within {within}; last answer {latest}; last error {last?.Message}");
    }

    /// <summary>The staff notices of a dossier in the outbox (what the citizen is told is not an escalation).</summary>
    private static async Task<long> OutboxCountAsync(string connectionString, string code)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("SELECT count(*) FROM hcc_outbox WHERE dossier_code = $1 AND recipient_role <> 'citizen'");
        command.Parameters.AddWithValue(code);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<DateTimeOffset>> DueAtAsync(string connectionString, IEnumerable<string> codes)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        var dues = new List<DateTimeOffset>();
        foreach (var code in codes)
        {
            await using var command = database.CreateCommand(
                "SELECT convert_from(payloadbinary, 'UTF8')::jsonb ->> 'dueAt' FROM orleansstorage WHERE graintypestring = 'dossier' AND grainidextensionstring = $1");
            command.Parameters.AddWithValue(code);
            dues.Add(DateTimeOffset.Parse((string)(await command.ExecuteScalarAsync())!, System.Globalization.CultureInfo.InvariantCulture));
        }

        return dues;
    }
}
