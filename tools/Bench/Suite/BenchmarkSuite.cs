using System.Diagnostics;
using HccOrleans.Silo.Hosting;
using Npgsql;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// The benchmark suite in one run on one PostgreSQL: the commit ceiling, the engine with either storage
/// provider, its HTTP API, the deadline drain, holding deadlines, connections and a second silo, beside the peers
/// (a Wolverine + Marten saga, Quartz.NET's job store), rounds interleaved so that the machine's noise falls on all.
/// </summary>
internal sealed partial class BenchmarkSuite(string server, SuiteSize size)
{
    private readonly SuiteReport _report = new();
    private int _databases;

    /// <summary>Every part, or only those named (HCC_SUITE_PARTS=http,drain: to look at one part again).</summary>
    public async Task<SuiteReport> RunAsync(IReadOnlySet<string>? only = null)
    {
        var parts = new (string Name, Func<Task> Run)[]
        {
            ("transitions", TransitionsAsync), ("http", HttpAsync), ("drain", DrainAsync), ("holding", HoldingAsync), ("cluster", ClusterAsync),
            ("files", FilesAsync), ("notices", NoticesAsync), ("search", SearchAsync), ("reports", ReportsAsync),
        };
        foreach (var (name, run) in parts)
        {
            if (only is null || only.Contains(name))
            {
                await CheckpointAsync();
                await run();
            }
        }

        return _report;
    }

    /// <summary>Goal 1: transitions per second, each durable before it is answered, at the same number of callers.</summary>
    private async Task TransitionsAsync()
    {
        Console.Error.WriteLine($"# transitions: {size.Rounds} rounds, {size.Callers} concurrent callers");
        var ceiling = new List<RoundResult>();
        var batched = new List<RoundResult>();
        var saga = new List<RoundResult>();
        var groupCommit = new List<RoundResult>();
        var cold = new List<RoundResult>();
        var adoNet = new List<RoundResult>();
        var contenders = new (string Name, Func<Task> Run)[]
        {
            ("ceiling", async () => ceiling.Add(await Ceiling.RunAsync(await NewDatabaseAsync("ceiling"), size.CeilingOperations, size.Callers))),
            ("batched ceiling", async () => batched.Add(await Ceiling.RunAsync(await NewDatabaseAsync("ceiling"), size.CeilingOperations, size.Callers, BatchedRows))),
            ("saga", async () => saga.Add(await SagaPeerAsync())),
            ("engine", async () => groupCommit.Add(await EngineRound.RunAsync(await NewDatabaseAsync("engine"), GrainStorageSetup.GroupCommit, size.EngineDossiers, size.Callers, "engine (group commit)"))),
            ("engine, fresh process", async () => cold.Add(await EngineColdAsync())),
            ("engine ADO.NET", async () => adoNet.Add(await EngineRound.RunAsync(await NewDatabaseAsync("engine"), GrainStorageSetup.AdoNet, size.EngineDossiers, size.Callers, "engine (ADO.NET)"))),
        };
        for (var round = 1; round <= size.Rounds; round++)
        {
            // Each round starts with the next contender, so that no one always runs first (or last) on a warming machine.
            for (var k = 0; k < contenders.Length; k++)
            {
                await contenders[(k + round - 1) % contenders.Length].Run();
            }

            Console.Error.WriteLine($"  round {round}: ceiling {ceiling[^1].Rate:N0}/s, batched {batched[^1].Rate:N0}/s, saga {saga[^1].Rate:N0}/s, engine group commit {groupCommit[^1].Rate:N0}/s (fresh process {cold[^1].Rate:N0}/s), ADO.NET {adoNet[^1].Rate:N0}/s");
        }

        const string Section = "1 transitions";
        _report.Figure(Section, "PostgreSQL one commit per write (baseline): single-row upserts (median)", $"{SuiteReport.F(RoundResult.Median(ceiling))}/s", ceiling);
        _report.Figure(Section, $"PostgreSQL batched ceiling: the same upserts, {BatchedRows} a commit (median)", $"{SuiteReport.F(RoundResult.Median(batched))}/s", batched);
        _report.Figure(Section, "Wolverine 6.62 + Marten 9.58 saga, 4 transitions a case (median)", $"{SuiteReport.F(RoundResult.Median(saga))}/s", saga);
        _report.Figure(Section, "engine, group-commit storage and reminder table (median)", $"{SuiteReport.F(RoundResult.Median(groupCommit))}/s", groupCommit);
        _report.Figure(Section, "engine, group commit, a fresh process each round warmed as the saga is (median)", $"{SuiteReport.F(RoundResult.Median(cold))}/s", cold);
        _report.Figure(Section, "engine, ADO.NET storage and reminder table (median)", $"{SuiteReport.F(RoundResult.Median(adoNet))}/s", adoNet);
        _report.Figure(Section, "PostgreSQL commits per transition: group commit / ADO.NET", $"{groupCommit.Average(r => r.CommitsPerOperation):F2} / {adoNet.Average(r => r.CommitsPerOperation):F2}");
        _report.Figure(Section, "PostgreSQL CPU per transition: group commit / ADO.NET / baseline upsert", $"{groupCommit.Average(r => r.ServerMicrosecondsPerOperation):F0} / {adoNet.Average(r => r.ServerMicrosecondsPerOperation):F0} / {ceiling.Average(r => r.ServerMicrosecondsPerOperation):F0} µs");
        _report.Figure(Section, "silo CPU per transition, its callers in the same process: warm / fresh process (median of rounds)",
            $"{SiloMicroseconds(groupCommit):F0} / {SiloMicroseconds(cold):F0} µs");
        _report.Figure(Section, "CPU per transition, the contender's process with its callers + PostgreSQL: engine warm / engine fresh process / saga (median of rounds)",
            $"{CpuOf(groupCommit)} / {CpuOf(cold)} / {CpuOf(saga)}");
        _report.Ratio("1", "engine (group commit) / Wolverine + Marten saga", RoundResult.Median(groupCommit) / RoundResult.Median(saga), 2.5);
        _report.Ratio("1", "engine (group commit) / PostgreSQL one commit per write (baseline)", RoundResult.Median(groupCommit) / RoundResult.Median(ceiling), 1.0);
        _report.Ratio("1", "engine (group commit, a fresh process each round) / Wolverine + Marten saga", RoundResult.Median(cold) / RoundResult.Median(saga), 2.5);
        _report.Ratio("1", "engine (group commit, a fresh process each round) / PostgreSQL one commit per write (baseline)", RoundResult.Median(cold) / RoundResult.Median(ceiling), 1.0);
        _report.Ratio("1", $"engine (group commit) / PostgreSQL batched ceiling ({BatchedRows} upserts a commit)", RoundResult.Median(groupCommit) / RoundResult.Median(batched), double.NaN);
        _report.Ratio("1", "engine: group commit / ADO.NET providers", RoundResult.Median(groupCommit) / RoundResult.Median(adoNet), double.NaN);
        _report.Ratio("1", "engine (group commit) / Wolverine + Marten saga, transitions per CPU-second of the contender and PostgreSQL",
            TotalMicroseconds(saga) / TotalMicroseconds(groupCommit), double.NaN);
        _report.Ratio("1", "engine (group commit, a fresh process each round) / Wolverine + Marten saga, transitions per CPU-second of the contender and PostgreSQL",
            TotalMicroseconds(saga) / TotalMicroseconds(cold), double.NaN);
        _report.Ratio("1", "silo CPU per transition, warm, its callers included (µs)", SiloMicroseconds(groupCommit), SiloCpuGoal, atMost: true);
        _report.Ratio("1", "silo CPU per transition, a fresh process each round, its callers included (µs)", SiloMicroseconds(cold), SiloCpuGoal, atMost: true);
        _report.Note(Section, "the baseline and the batched ceiling upsert a 2,000-byte row (a stored dossier's size) by its key from the same callers, " +
            $"one commit per upsert and {BatchedRows} upserts a commit; the saga is Wolverine with Marten on its own schema, durable local queues and " +
            "transactions applied to every handler, each transition awaited through InvokeAsync (stored before it returns), in a fresh process per round " +
            "warmed until two rounds agree within 5 %; the engine runs warm in the harness process (each round starts a silo of its own on a fresh " +
            "database and warms it by the same rule before it measures) and cold, in a fresh process each round with one silo warmed by the same rule " +
            "and measured in the same host, as the saga is; the engine's commits per transition are counted over its warm-up and its round (a connected " +
            "backend publishes its counts late); every engine round checks its count of transitions against the dossiers' stored versions; CPU per " +
            "transition is the contender's own process, its callers included, and every PostgreSQL process, read around its measured round alone; " +
            "transitions per CPU-second compare what each transition costs the machine, whatever the cores it has.");
        GrainLevelRate = RoundResult.Median(groupCommit);
    }

    /// <summary>The most CPU a transition may cost the silo, in microseconds.</summary>
    private const double SiloCpuGoal = 120;

    private static double SiloMicroseconds(IEnumerable<RoundResult> rounds) => RoundResult.Median(rounds.Select(r => r.ProcessMicrosecondsPerOperation));

    private static double TotalMicroseconds(IEnumerable<RoundResult> rounds) =>
        RoundResult.Median(rounds.Select(r => r.ProcessMicrosecondsPerOperation + r.ServerMicrosecondsPerOperation));

    private static string CpuOf(IReadOnlyCollection<RoundResult> rounds) =>
        $"{SiloMicroseconds(rounds):F0} + {RoundResult.Median(rounds.Select(r => r.ServerMicrosecondsPerOperation)):F0} µs";

    /// <summary>Upserts a commit of the batched ceiling: what pgbench-style batching of small rows reaches.</summary>
    private const int BatchedRows = 32;

    /// <summary>The engine's grain-level rate of this run, the yardstick of the HTTP run.</summary>
    private double GrainLevelRate { get; set; } = double.NaN;

    /// <summary>The engine as the saga is run: a fresh process each round, warmed in it before the round is measured.</summary>
    private async Task<RoundResult> EngineColdAsync()
    {
        var result = await ChildProcess.RunAsync(ChildProcess.Built("tools/Bench", "HccOrleans.Bench"),
            ["engine-round", server, Invariant(size.EngineDossiers), Invariant(size.Callers)], "engine, fresh process", TimeSpan.FromMinutes(15));
        return new RoundResult(result["rate"], TimeSpan.FromSeconds(result["seconds"]),
            ServerMicrosecondsPerOperation: result["server"], ProcessMicrosecondsPerOperation: result["silo"]);
    }

    /// <summary>The saga in a fresh process; PostgreSQL's CPU is read when the peer says its measured round starts and ends.</summary>
    private async Task<RoundResult> SagaPeerAsync()
    {
        var database = await NewDatabaseAsync("saga");
        int postmaster;
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            postmaster = await Measure.DatabaseCounters.PostmasterAsync(admin);
        }

        TimeSpan? measuredFrom = null;
        TimeSpan? measuredTo = null;
        var result = await ChildProcess.RunAsync(
            ChildProcess.Built("tools/Peers/WolverineSaga", "HccOrleans.Peers.WolverineSaga"),
            [database, Invariant(size.PeerCases), Invariant(size.Callers), Invariant(EngineRound.WarmUpDossiers * Workload.TransitionsPerDossier / 4)],
            "saga", TimeSpan.FromMinutes(10), line =>
            {
                if (line == "measuring")
                {
                    measuredFrom = Measure.DatabaseCounters.CpuOfServerUnder(postmaster);
                }
                else if (line.StartsWith("result ", StringComparison.Ordinal))
                {
                    measuredTo = Measure.DatabaseCounters.CpuOfServerUnder(postmaster);
                }
            });
        if (measuredFrom is not { } from || measuredTo is not { } to)
        {
            throw new InvalidOperationException("The saga peer did not say when its measured round started and ended.");
        }

        var serverCpu = to - from;
        return new RoundResult(result["rate"], TimeSpan.FromSeconds(result["seconds"]),
            ServerMicrosecondsPerOperation: serverCpu.TotalMicroseconds / result["transitions"], ProcessMicrosecondsPerOperation: result["cpu"]);
    }

    /// <summary>
    /// Writes out every page the parts before left dirty, so that a part, or a latency round, does not pay for a
    /// checkpoint it did not cause: the figures then do not depend on the order the parts ran in.
    /// </summary>
    private async Task CheckpointAsync()
    {
        await using var admin = NpgsqlDataSource.Create(server);
        await using var checkpoint = admin.CreateCommand("CHECKPOINT");
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>A fresh database for one round (the schema emptied between rounds).</summary>
    private async Task<string> NewDatabaseAsync(string purpose)
    {
        var name = $"suite_{purpose}_{Interlocked.Increment(ref _databases)}";
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
            await using var create = admin.CreateCommand($"CREATE DATABASE \"{name}\"");
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static string Machine()
    {
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var gib = memory is null ? "?" : (long.Parse(memory, System.Globalization.CultureInfo.InvariantCulture) / 1048576.0).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        return $"{Environment.ProcessorCount} cores ({cpu}), {gib} GiB, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, PostgreSQL on the same machine (fsync on)";
    }

    public static Stopwatch Clock { get; } = Stopwatch.StartNew();
}
