namespace HccOrleans.Tests.Operate;

/// <summary>
/// A two-silo cluster on PostgreSQL under submissions and receipts from 16 clients that retry with their idempotency
/// keys and versions, one silo SIGKILLed: no request waits past 10 s, nothing acknowledged is lost or applied twice,
/// and every dossier is served again within 10 s of the kill.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Operate")]
public sealed class FailoverTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Procedure = "9.000700.000.00.00.T";
    private const int Clients = 16;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SigkillOfOneSilo_UnderLoad_HangsNoRequest_LosesNothing_AndServesEveryDossierWithin10s()
    {
        var connectionString = await postgres.CreateDatabaseAsync("failover");
        var cluster = $"failover-{Guid.NewGuid():N}"[..20];
        await using var silos = await SiloCluster.StartAsync(connectionString, cluster);
        var (survivor, victim) = (silos[0], silos[1]);
        using (var seed = new EngineHttp(survivor.BaseAddress))
        {
            await seed.SeedAsync(Procedure, seconds: 36_000);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var load = new RetryingClients(http, [survivor.BaseAddress, victim.BaseAddress], await RetryingClients.TokenAsync(http, survivor.BaseAddress), Procedure);
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, Clients).Select(i => Task.Run(() => load.RunAsync(i, stop.Token))).ToArray();
        await load.AcknowledgedAsync(200, TimeSpan.FromMinutes(2));

        var killedAt = Stopwatch.StartNew();
        victim.Kill();
        var servedAgain = await EveryDossierServedAsync(http, survivor.BaseAddress, load, killedAt);
        await load.AcknowledgedAsync(load.Count + 100, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var stored = await StoredAsync(http, survivor.BaseAddress, load);
        RunReport.Write(output, "silo SIGKILL", $"acknowledged {load.Count} transitions of {load.Dossiers} dossiers; {load.Retries} retries ({load.Unavailable} answered 503, " +
            $"{load.Unreachable} unreachable); slowest request {load.Slowest.TotalSeconds:F1} s with its retries (slowest attempt {load.SlowestAttempt.TotalSeconds:F1} s); every dossier served again {servedAgain.TotalSeconds:F1} s after the kill");
        Assert.True(load.Slowest < Bound, $"a request took {load.Slowest.TotalSeconds:F1} s with its retries");
        Assert.True(servedAgain < Bound, $"the dossiers were served again only {servedAgain.TotalSeconds:F1} s after the kill");
        Assert.Empty(load.Versions.Where(a => stored[a.Key].Version < a.Value).Select(a => $"{a.Key}: acknowledged {a.Value}, stored {stored[a.Key].Version}"));
        Assert.Empty(stored.Values.Where(d => d.Log.Count(e => e.Action == DossierAction.Submit) != 1 || d.Log.Count(e => e.Action == DossierAction.Receive) > 1)
            .Select(d => $"{d.Code}: {string.Join(", ", d.Log.Select(e => e.Action))}"));
    }

    [Fact]
    public async Task SigtermOfOneSilo_UnderLoad_HandsItsDossiersOver_WithNoFailedRequest()
    {
        var connectionString = await postgres.CreateDatabaseAsync("handoff");
        var cluster = $"handoff-{Guid.NewGuid():N}"[..20];
        await using var silos = await SiloCluster.StartAsync(connectionString, cluster);
        var (staying, leaving) = (silos[0], silos[1]);
        using (var seed = new EngineHttp(staying.BaseAddress))
        {
            await seed.SeedAsync(Procedure, seconds: 36_000);
        }

        // The clients reach the cluster through the staying silo's API; the dossiers live on both silos.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var load = new RetryingClients(http, [staying.BaseAddress], await RetryingClients.TokenAsync(http, staying.BaseAddress), Procedure);
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, Clients).Select(i => Task.Run(() => load.RunAsync(i, stop.Token))).ToArray();
        await load.AcknowledgedAsync(200, TimeSpan.FromMinutes(2));

        var leftAfter = Stopwatch.StartNew();
        await leaving.StopAsync();
        var left = leftAfter.Elapsed;
        await load.AcknowledgedAsync(load.Count + 100, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var stored = await StoredAsync(http, staying.BaseAddress, load);
        RunReport.Write(output, "silo SIGTERM", $"acknowledged {load.Count} transitions of {load.Dossiers} dossiers; the leaving silo shut down in {left.TotalSeconds:F1} s; " +
            $"{load.Retries} retries ({load.Unavailable} answered 503); slowest request {load.Slowest.TotalSeconds:F1} s");
        Assert.True(load.Retries == 0, $"{load.Retries} requests were retried: {string.Join(" | ", load.RetriedBecause)}");
        Assert.True(load.Slowest < Bound, $"a request took {load.Slowest.TotalSeconds:F1} s");
        Assert.Empty(load.Versions.Where(a => stored[a.Key].Version < a.Value).Select(a => $"{a.Key}: acknowledged {a.Value}, stored {stored[a.Key].Version}"));
    }

    /// <summary>Reads every acknowledged dossier through the survivor until each answers; how long after the kill the last did.</summary>
    private static async Task<TimeSpan> EveryDossierServedAsync(HttpClient http, Uri survivor, RetryingClients load, Stopwatch sinceKill)
    {
        var waiting = new HashSet<string>(load.Versions.Keys);
        while (waiting.Count > 0 && sinceKill.Elapsed < TimeSpan.FromSeconds(60))
        {
            var answers = await Task.WhenAll(waiting.Select(async code => (code, await load.GetAsync(survivor, code) is not null)));
            waiting.ExceptWith(answers.Where(a => a.Item2).Select(a => a.code));
        }

        return sinceKill.Elapsed;
    }

    private static async Task<Dictionary<string, DossierSnapshot>> StoredAsync(HttpClient http, Uri survivor, RetryingClients load)
    {
        var stored = new Dictionary<string, DossierSnapshot>();
        foreach (var code in load.Versions.Keys)
        {
            stored[code] = await load.GetAsync(survivor, code) ?? throw new InvalidOperationException($"{code} cannot be read");
        }

        return stored;
    }
}
