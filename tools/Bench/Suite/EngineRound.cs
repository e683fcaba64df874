using System.Diagnostics;
using System.Globalization;
using HccOrleans.Bench.Measure;
using HccOrleans.Silo.Hosting;
using Npgsql;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// The engine through its grains on one silo in this process: N six-transition dossiers (submit, receive, hand over,
/// appraise, approve, return) from concurrent callers, the index and the deadline reminders on, each transition stored
/// before it is answered.
/// </summary>
internal static class EngineRound
{
    /// <summary>The engine's warm-up, in dossiers; the saga peer warms up on as many transitions.</summary>
    public const int WarmUpDossiers = 3_000;
    private const string Procedure = "9.900010.B";

    public static async Task<RoundResult> RunAsync(string database, string provider, int dossiers, int callers, string label)
    {
        await using var data = NpgsqlDataSource.Create(database);
        DatabaseCounters before;
        TimeSpan elapsed, processCpu;
        await using (var app = await BenchSilo.StartAsync(database, Settings(provider)))
        {
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            await Workload.SeedAsync(grains, Procedure, TimeSpan.FromDays(5));
            before = await DatabaseCounters.ReadAsync(data);
            var cpu = ProcessCpu.Start();
            await using (var progress = new ProgressLine(label, (long)dossiers * Workload.TransitionsPerDossier))
            {
                elapsed = await Workload.ProcessAsync(grains, Procedure, dossiers, callers, label, progress);
            }

            processCpu = cpu.Spent;

            await app.StopAsync();
        }

        // A busy backend reports its commits at most once a second, an exiting one at once: count after the silo closed its pool.
        var spent = await DatabaseCounters.ReadAsync(data) - before;
        var transitions = (double)await StoredTransitions.CountAsync(data, dossiers * Workload.TransitionsPerDossier);
        return new RoundResult(transitions / elapsed.TotalSeconds, elapsed, spent.Commits / transitions, spent.ServerCpu.TotalMicroseconds / transitions,
            processCpu.TotalMicroseconds / transitions);
    }

    /// <summary>
    /// engine-round &lt;server connection string&gt; &lt;dossiers&gt; &lt;callers&gt;: one round of the engine (group commit) in this fresh
    /// process, warmed first as the harness warms it, on databases of its own; prints "result rate=… seconds=… commits=… cpu=… silo=…".
    /// The suite runs it as the cold contender, beside the warm engine of its own process and the saga's fresh process.
    /// </summary>
    public static async Task<int> RunColdAsync(string[] args)
    {
        var (server, dossiers, callers) = (args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        var databases = 0;
        Task<string> NewDatabaseAsync() => Scenarios.CreateDatabaseAsync(server, $"suite_cold_{Environment.ProcessId}_{++databases}");
        await WarmUpAsync(NewDatabaseAsync, callers);
        var round = await RunAsync(await NewDatabaseAsync(), GrainStorageSetup.GroupCommit, dossiers, callers, "engine, fresh process");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"result rate={round.Rate:F1} seconds={round.Elapsed.TotalSeconds:F3} commits={round.CommitsPerOperation:F4} cpu={round.ServerMicrosecondsPerOperation:F1} silo={round.ProcessMicrosecondsPerOperation:F1}"));
        return 0;
    }

    public static Dictionary<string, string?> Settings(string provider) => new()
    {
        [GrainStorageSetup.ProviderKey] = provider,
        [ReminderTableSetup.ProviderKey] = provider,
    };

    /// <summary>Discarded rounds in this process until the rate settles: the JIT and the pools warm up before anything is counted.</summary>
    public static async Task WarmUpAsync(Func<Task<string>> newDatabase, int callers)
    {
        var clock = Stopwatch.StartNew();
        await SteadyState.WarmUpAsync("engine", async () =>
            (await RunAsync(await newDatabase(), GrainStorageSetup.GroupCommit, WarmUpDossiers, callers, "engine warm-up")).Rate);
        Console.Error.WriteLine($"  engine warm-up done in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
