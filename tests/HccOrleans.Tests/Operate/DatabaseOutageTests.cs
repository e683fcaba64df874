using System.Diagnostics;
using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Tests.Support;
using Xunit.Abstractions;

namespace HccOrleans.Tests.Operate;

/// <summary>
/// PostgreSQL stopped for 10 s under submissions and receipts, then started again: the engine answers 503 with
/// Retry-After meanwhile (never 500, never a hung request), serves again within 10 s of the database's return
/// without a restart, and loses nothing it acknowledged.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class DatabaseOutageTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Procedure = "9.000700.000.00.00.T";
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PostgresDownFor10s_UnderLoad_Answers503_ResumesWithin10s_AndLosesNothing()
    {
        var connectionString = await postgres.CreateDatabaseAsync("outage");
        await using var silo = new SiloProcess(connectionString, $"outage-{Guid.NewGuid():N}"[..20]);
        silo.Start();
        await silo.WaitReadyAsync();
        using (var seed = new EngineHttp(silo.BaseAddress))
        {
            await seed.SeedAsync(Procedure, seconds: 36_000);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var load = new RetryingClients(http, [silo.BaseAddress], await RetryingClients.TokenAsync(http, silo.BaseAddress), Procedure);
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 8).Select(i => Task.Run(() => load.RunAsync(i, stop.Token))).ToArray();
        await load.Acknowledged(100).WaitAsync(TimeSpan.FromMinutes(2));

        TimeSpan resumed;
        long unavailableDuringOutage;
        try
        {
            var unavailableBefore = load.Unavailable;
            await postgres.StopAsync();
            // The outage itself: the scenario is a database away for this long, not a wait for something to happen.
            await Task.Delay(Outage);
            unavailableDuringOutage = load.Unavailable - unavailableBefore;
        }
        finally
        {
            await postgres.StartAsync();
        }

        var sinceReturn = Stopwatch.StartNew();
        await load.Acknowledged(load.Count + 1).WaitAsync(TimeSpan.FromSeconds(60));
        resumed = sinceReturn.Elapsed;
        await load.Acknowledged(load.Count + 50).WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        RunReport.Write(output, "database outage", $"acknowledged {load.Count} transitions of {load.Dossiers} dossiers; {unavailableDuringOutage} answers 503 during the " +
            $"{Outage.TotalSeconds:F0} s outage; slowest request {load.Slowest.TotalSeconds:F1} s; served again {resumed.TotalSeconds:F1} s after PostgreSQL returned");
        Assert.True(unavailableDuringOutage > 0, "no request met the outage");
        Assert.True(load.Slowest < Bound, $"a request took {load.Slowest.TotalSeconds:F1} s");
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
}
