using System.Globalization;
using HccOrleans.Bench.Measure;
using HccOrleans.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HccOrleans.Bench.Suite;

internal sealed partial class BenchmarkSuite
{
    private const string HttpProcedure = "9.900030.B";

    /// <summary>Goal 4: the same six transitions through the HTTP API, from a load process of its own.</summary>
    private async Task HttpAsync()
    {
        Console.Error.WriteLine($"# HTTP: {size.Rounds} rounds of {size.HttpDossiers:N0} dossiers, {size.Callers} concurrent callers");
        var rounds = new List<RoundResult>();
        var p50 = new List<double>();
        var p99 = new List<double>();
        var cpu = new List<(double Client, double Server, double Database)>();
        // One server for every round, as a center runs one: a fresh host per round would compile its per-host code
        // (dependency injection's factories, the handlers' instantiations) again each time, which the tiered JIT
        // was still doing in the third round. Warm-up rounds until the rate settles (the silo's CPU per transition
        // falls from about 1,000 µs to 250-300 µs over them) are not counted.
        await using var app = await BenchSilo.StartAsync(await NewDatabaseAsync("http"), EngineRound.Settings(GrainStorageSetup.GroupCommit));
        await Workload.SeedAsync(app.Services.GetRequiredService<IGrainFactory>(), HttpProcedure, TimeSpan.FromDays(5));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var data = Npgsql.NpgsqlDataSource.Create(app.Configuration.GetConnectionString("Hcc")!);
        using var gc = new GcPauses();
        async Task<IReadOnlyDictionary<string, double>> RoundAsync(string label, double? pace = null)
        {
            await CheckpointAsync();
            gc.TakeSummary();
            var databaseBefore = await Measure.DatabaseCounters.ReadAsync(data);
            var serverCpu = ProcessCpu.Start();
            var result = await ChildProcess.RunAsync(typeof(BenchmarkSuite).Assembly.Location,
                ["http-load", address, HttpProcedure, Invariant(size.HttpDossiers), Invariant(size.Callers), "0",
                    pace is { } perSecond ? perSecond.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) : "0"], "http-load", TimeSpan.FromMinutes(10));
            // The load process's figure covers its measured part only; the server's and the database's include its warm-up.
            var transitions = (size.HttpDossiers + Math.Min(500, size.HttpDossiers)) * (double)Workload.TransitionsPerDossier;
            var (client, server, database) = (result["client_cpu_us"], serverCpu.Spent.TotalMicroseconds / transitions,
                ((await Measure.DatabaseCounters.ReadAsync(data)) - databaseBefore).ServerCpu.TotalMicroseconds / transitions);
            Console.Error.WriteLine($"  {label}: {result["rate"]:N0} transitions/s, p50 {result["p50"]:F1} ms, p99 {result["p99"]:F1} ms, CPU µs per transition: load {client:F0}, silo {server:F0}, PostgreSQL {database:F0}");
            Console.Error.WriteLine($"    garbage collection in the silo's process: {gc.TakeSummary()}");
            cpu.Add((client, server, database));
            return result;
        }

        await SteadyState.WarmUpAsync("HTTP", async () => (await RoundAsync("warm-up, not counted"))["rate"]);
        cpu.Clear();
        for (var round = 1; round <= size.Rounds; round++)
        {
            var result = await RoundAsync($"round {round}");
            rounds.Add(new RoundResult(result["rate"], TimeSpan.FromSeconds(result["seconds"])));
            p50.Add(result["p50"]);
            p99.Add(result["p99"]);
        }

        // Then at half the rate just measured, dossiers started at that pace: the latency a center sees on a busy day, not at saturation.
        var atFullLoad = cpu.ToList();
        var half = RoundResult.Median(rounds) / 2;
        var halfP99 = new List<double>();
        for (var round = 1; round <= size.Rounds; round++)
        {
            halfP99.Add((await RoundAsync($"round {round} at half the rate ({half:N0}/s)", half))["p99"]);
        }

        await app.StopAsync();
        const string Section = "4 HTTP";
        var rate = RoundResult.Median(rounds);
        _report.Figure(Section, "engine through the HTTP API, separate load process (median)", $"{SuiteReport.F(rate)}/s", rounds);
        _report.Figure(Section, "request latency p50 / p99 (median of rounds)", $"{RoundResult.Median(p50):F1} / {RoundResult.Median(p99):F1} ms");
        _report.Figure(Section, "CPU per transition: load process / silo with the API / PostgreSQL (mean of rounds)",
            $"{atFullLoad.Average(c => c.Client):F0} / {atFullLoad.Average(c => c.Server):F0} / {atFullLoad.Average(c => c.Database):F0} µs");
        _report.Figure(Section, $"request latency p99 at half that rate, dossiers started at {half:N0} transitions/s (median of rounds)", $"{RoundResult.Median(halfP99):F1} ms");
        if (!double.IsNaN(GrainLevelRate))
        {
            _report.Ratio("4", "HTTP rate / grain-level rate (both group commit)", rate / GrainLevelRate, 0.5);
        }
        _report.Note(Section, "every round starts after a CHECKPOINT, so that none pays for the pages the round before it left dirty.");
        _report.Ratio("4", "HTTP p99 at half the maximum rate (ms)", RoundResult.Median(halfP99), 50, atMost: true);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
