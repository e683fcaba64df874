namespace HccOrleans.Tests.Operate;

/// <summary>
/// PostgreSQL stopped for 30 s under submissions and receipts, then started again: the engine answers 503 with
/// Retry-After meanwhile (never 500, never a hung request), tells the outage in a few log lines, serves again within
/// 10 s of the database's return without a restart, and loses nothing it acknowledged. And a silo asked to stop while
/// the database is away ends within its bound.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Operate")]
public sealed class DatabaseOutageTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Procedure = "9.000700.000.00.00.T";
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private const int MostLogLines = 20;

    /// <summary>The silo's shipped bound on a stop (<c>Shutdown:Bound</c>).</summary>
    private static readonly TimeSpan StopBound = new HccOrleans.Hosting.ShutdownOptions().Bound;

    // The log levels the silo ships with, not the quieter ones of the other process tests: the count is the operator's.
    private static readonly Dictionary<string, string> ShippedLogLevels = new() { ["Logging__LogLevel__Default"] = "Information" };

    [Fact]
    public async Task PostgresDownFor30s_UnderLoad_Answers503_LogsAFewLines_ResumesWithin10s_AndLosesNothing()
    {
        await using var silo = await SeededSiloAsync("outage", ShippedLogLevels);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var load = new RetryingClients(http, [silo.BaseAddress], await RetryingClients.TokenAsync(http, silo.BaseAddress), Procedure);
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 8).Select(i => Task.Run(() => load.RunAsync(i, stop.Token))).ToArray();
        await load.AcknowledgedAsync(100, TimeSpan.FromMinutes(2));

        TimeSpan resumed;
        long unavailableDuringOutage;
        string[] outageLines;
        try
        {
            var unavailableBefore = load.Unavailable;
            var linesBefore = silo.LogLinesAfter(0).Length;
            await postgres.StopAsync();
            // The outage itself: the scenario is a database away for this long, not a wait for something to happen.
            await Task.Delay(Outage);
            unavailableDuringOutage = load.Unavailable - unavailableBefore;
            outageLines = WithoutTransitions(silo.LogLinesAfter(linesBefore));
        }
        finally
        {
            await postgres.StartAsync();
        }

        var sinceReturn = Stopwatch.StartNew();
        await load.AcknowledgedAsync(load.Count + 1, TimeSpan.FromSeconds(60));
        resumed = sinceReturn.Elapsed;
        await load.AcknowledgedAsync(load.Count + 50, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        var endLine = await WaitForLineAsync(silo, "PostgreSQL answers again", TimeSpan.FromSeconds(30));

        RunReport.Write(output, "database outage", $"acknowledged {load.Count} transitions of {load.Dossiers} dossiers; {unavailableDuringOutage} answers 503 during the " +
            $"{Outage.TotalSeconds:F0} s outage, told in {outageLines.Length} log lines; slowest attempt {load.SlowestAttempt.TotalSeconds:F1} s, slowest request with its retries " +
            $"{load.Slowest.TotalSeconds:F1} s; served again {resumed.TotalSeconds:F1} s after PostgreSQL returned");
        Assert.True(unavailableDuringOutage > 0, "no request met the outage");
        Assert.True(outageLines.Length <= MostLogLines, $"{outageLines.Length} log lines during the outage:\n{string.Join('\n', outageLines.Take(60))}");
        Assert.Single(outageLines, line => line.Contains("PostgreSQL cannot be reached", StringComparison.Ordinal));
        Assert.NotNull(endLine);
        Assert.True(load.SlowestAttempt < Bound, $"a request waited {load.SlowestAttempt.TotalSeconds:F1} s for an answer");
        Assert.True(load.Slowest < Outage + Bound, $"a request took {load.Slowest.TotalSeconds:F1} s with its retries");
        // A request that met the outage was retried until the database returned: timed across its retries, it lasted
        // about as long as the outage (timed per attempt, it would look a few seconds long).
        Assert.True(load.Slowest > Outage - Bound, $"the slowest request took {load.Slowest.TotalSeconds:F1} s: requests are not timed across their retries");
        Assert.True(resumed < Bound, $"service resumed only {resumed.TotalSeconds:F1} s after PostgreSQL returned");
        var lost = new List<string>();
        foreach (var (code, version) in load.Versions)
        {
            var stored = await load.GetAsync(silo.BaseAddress, code);
            if (stored is null || stored.Version < version || stored.Log.Count(e => e.Action == DossierAction.Receive) > 1)
            {
                lost.Add($"{code}: acknowledged version {version}, stored {stored?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}");
            }
        }

        Assert.Empty(lost);
    }

    [Fact]
    public async Task Sigterm_WhilePostgresIsDownUnderLoad_EndsTheSiloWithinItsBound()
    {
        await using var silo = await SeededSiloAsync("stop");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var load = new RetryingClients(http, [silo.BaseAddress], await RetryingClients.TokenAsync(http, silo.BaseAddress), Procedure);
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 8).Select(i => Task.Run(() => load.RunAsync(i, stop.Token))).ToArray();
        await load.AcknowledgedAsync(50, TimeSpan.FromMinutes(2));

        (TimeSpan Took, int ExitCode) ended;
        try
        {
            await postgres.StopAsync();
            var unavailable = load.Unavailable;
            await Waits.UntilAsync(() => load.Unavailable > unavailable, TimeSpan.FromSeconds(30), () => $"no 503 after the database stopped ({load.Unavailable} in all)");
            ended = await silo.TerminateAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            await stop.CancelAsync();
            await postgres.StartAsync();
        }

        await Task.WhenAll(clients);
        RunReport.Write(output, "stop while the database is down", $"SIGTERM under load with PostgreSQL stopped: the silo ended in {ended.Took.TotalSeconds:F1} s (exit code {ended.ExitCode})");
        Assert.True(ended.Took < StopBound, $"the silo took {ended.Took.TotalSeconds:F1} s to end after SIGTERM");
    }

    /// <summary>A silo on a database of its own, ready, with the test procedure in its catalogue.</summary>
    private async Task<SiloProcess> SeededSiloAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var silo = new SiloProcess(await postgres.CreateDatabaseAsync(name), $"{name}-{Guid.NewGuid():N}"[..20], settings);
        try
        {
            silo.Start();
            await silo.WaitReadyAsync();
            using var seed = new EngineHttp(silo.BaseAddress);
            await seed.SeedAsync(Procedure, seconds: 36_000);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The lines without the transitions acknowledged just before the database went away (event 1001, a header line
    /// and a message line each, written as the console's queue drains): those are the load's, not the outage's.
    /// </summary>
    private static string[] WithoutTransitions(string[] lines) =>
        [.. lines.Where((line, i) => !line.Contains("DossierGrain[1001]", StringComparison.Ordinal) && (i == 0 || !lines[i - 1].Contains("DossierGrain[1001]", StringComparison.Ordinal)))];

    private static async Task<string?> WaitForLineAsync(SiloProcess silo, string text, TimeSpan within)
    {
        string? found = null;
        await Waits.UntilAsync(() => (found = silo.LogLinesAfter(0).FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal))) is not null, within,
            () => $"no line with \"{text}\" in the silo's log ({silo.LogPath})");
        return found;
    }
}
