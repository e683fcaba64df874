using System.Diagnostics;
using System.Globalization;
using HccOrleans.Bench.Measure;
using HccOrleans.Grains.Interfaces.Model;
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

    // Rounds on one silo share its database: each submits under keys of its own.
    private static int _loads;

    /// <summary>
    /// One round on a silo started for it on <paramref name="database"/>, warmed on it by the saga's rule before the
    /// measured load as the fresh process's silo is, and stopped after it. A new silo compiles code of its own (its
    /// serializers' accessors, its container's resolvers) however warm the process that hosts it.
    /// </summary>
    public static async Task<RoundResult> RunAsync(string database, string provider, int dossiers, int callers, string label, RoundSetup? setup = null)
    {
        var settings = Settings(provider);
        foreach (var (key, value) in setup?.Settings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        await using var data = NpgsqlDataSource.Create(database);
        var before = await DatabaseCounters.ReadAsync(data);
        long warmUpTransitions = 0;
        Load load;
        await using (var app = await BenchSilo.StartAsync(database, settings))
        {
            var grains = await SeededAsync(app);
            await WarmUpAsync(async () =>
            {
                var warmUp = await LoadAsync(grains, data, WarmUpDossiers, callers, $"{label} warm-up", setup?.Applicant);
                warmUpTransitions += warmUp.Transitions;
                return warmUp.Rate;
            });
            load = await LoadAsync(grains, data, dossiers, callers, label, setup?.Applicant);
            if (setup?.BeforeStop is { } beforeStop)
            {
                await beforeStop(data);
            }

            await app.StopAsync();
        }

        // A connected backend publishes its commit counts up to ten seconds late, an exiting one at once. So commits are
        // counted from before the silo started to after it closed its pool, over the warm-up's transitions and the round's;
        // the server's CPU is read from the processes themselves, around the measured load alone.
        var commits = (await DatabaseCounters.ReadAsync(data)).Commits - before.Commits;
        return new RoundResult(load.Rate, load.Elapsed, commits / (double)(warmUpTransitions + load.Transitions),
            load.ServerMicroseconds, load.ProcessMicroseconds);
    }

    /// <summary>
    /// engine-round &lt;server connection string&gt; &lt;dossiers&gt; &lt;callers&gt;: the engine (group commit) as the saga peer is run, in
    /// this fresh process: one silo started, warmed on it by the saga's rule, then one round measured on the same silo;
    /// prints "result rate=… seconds=… silo=… server=…" (the CPU a transition of this process and of PostgreSQL). The suite runs it as the cold contender, beside the warm engine of its own
    /// process and the saga's fresh process.
    /// </summary>
    public static async Task<int> RunColdAsync(string[] args)
    {
        var (server, dossiers, callers) = (args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        var database = await Scenarios.CreateDatabaseAsync(server, $"suite_cold_{Environment.ProcessId}");
        await using var data = NpgsqlDataSource.Create(database);
        await using var app = await BenchSilo.StartAsync(database, Settings(GrainStorageSetup.GroupCommit));
        var grains = await SeededAsync(app);
        await WarmUpAsync(async () => (await LoadAsync(grains, data, WarmUpDossiers, callers, "engine warm-up")).Rate);
        var round = await LoadAsync(grains, data, dossiers, callers, "engine, fresh process");
        await app.StopAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"result rate={round.Rate:F1} seconds={round.Elapsed.TotalSeconds:F3} silo={round.ProcessMicroseconds:F1} server={round.ServerMicroseconds:F1}"));
        return 0;
    }

    public static Dictionary<string, string?> Settings(string provider) => new()
    {
        [GrainStorageSetup.ProviderKey] = provider,
        [ReminderTableSetup.ProviderKey] = provider,
    };

    private static async Task WarmUpAsync(Func<Task<double>> round)
    {
        var clock = Stopwatch.StartNew();
        await SteadyState.WarmUpAsync("engine", round);
        Console.Error.WriteLine($"  engine warm-up done in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task<IGrainFactory> SeededAsync(IHost app)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        await Workload.SeedAsync(grains, Procedure, TimeSpan.FromDays(5));
        return grains;
    }

    /// <summary>The dossiers driven through, with the transitions they stored, the time they took, this process's CPU and PostgreSQL's.</summary>
    private static async Task<Load> LoadAsync(IGrainFactory grains, NpgsqlDataSource data, int dossiers, int callers, string label, Applicant? applicant = null)
    {
        var stored = await StoredTransitions.ReadAsync(data);
        var server = await DatabaseCounters.ReadAsync(data);
        var cpu = ProcessCpu.Start();
        TimeSpan elapsed;
        await using (var progress = new ProgressLine(label, dossiers * (long)Workload.TransitionsPerDossier))
        {
            elapsed = await Workload.ProcessAsync(grains, Procedure, dossiers, callers, $"{label}-{Interlocked.Increment(ref _loads)}", progress, applicant);
        }

        var load = new Load((long)dossiers * Workload.TransitionsPerDossier, elapsed, cpu.Spent, (await DatabaseCounters.ReadAsync(data)).ServerCpu - server.ServerCpu);
        await StoredTransitions.CheckAsync(data, stored, load.Transitions);
        return load;
    }

    /// <summary>What a round runs with besides the defaults: the silo's settings, the applicant of its dossiers, and a step after its measured load while the silo still runs.</summary>
    public sealed record RoundSetup(IReadOnlyDictionary<string, string?> Settings, Applicant Applicant, Func<NpgsqlDataSource, Task>? BeforeStop = null);

    private sealed record Load(long Transitions, TimeSpan Elapsed, TimeSpan ProcessCpu, TimeSpan ServerCpu)
    {
        public double Rate => Transitions / Elapsed.TotalSeconds;

        public double ProcessMicroseconds => ProcessCpu.TotalMicroseconds / Transitions;

        public double ServerMicroseconds => ServerCpu.TotalMicroseconds / Transitions;
    }
}
