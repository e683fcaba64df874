using System.Diagnostics;
using HccOrleans.Bench.Measure;
using HccOrleans.Silo.Hosting;
using Npgsql;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// The engine through its grains on one silo in this process: N five-transition dossiers (submit, receive, appraise,
/// approve, return) from concurrent callers, the index and the deadline reminders on, each transition stored before
/// it is answered.
/// </summary>
internal static class EngineRound
{
    public const int TransitionsPerDossier = 5;

    /// <summary>The engine's warm-up, in dossiers; the saga peer warms up on as many transitions.</summary>
    public const int WarmUpDossiers = 3_000;
    private const string Procedure = "9.900010.B";

    public static async Task<RoundResult> RunAsync(string database, string provider, int dossiers, int callers, string label)
    {
        await using var data = NpgsqlDataSource.Create(database);
        DatabaseCounters before;
        TimeSpan elapsed;
        await using (var app = await BenchSilo.StartAsync(database, Settings(provider)))
        {
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            await Workload.SeedAsync(grains, Procedure, TimeSpan.FromDays(5));
            before = await DatabaseCounters.ReadAsync(data);
            await using (var progress = new ProgressLine(label, (long)dossiers * TransitionsPerDossier))
            {
                elapsed = await Workload.ProcessAsync(grains, Procedure, dossiers, callers, label, progress);
            }

            await app.StopAsync();
        }

        // A busy backend reports its commits at most once a second, an exiting one at once: count after the silo closed its pool.
        var spent = await DatabaseCounters.ReadAsync(data) - before;
        var transitions = (double)dossiers * TransitionsPerDossier;
        return new RoundResult(transitions / elapsed.TotalSeconds, elapsed, spent.Commits / transitions, spent.ServerCpu.TotalMicroseconds / transitions);
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
