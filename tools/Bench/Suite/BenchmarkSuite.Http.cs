using System.Globalization;
using HccOrleans.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HccOrleans.Bench.Suite;

internal sealed partial class BenchmarkSuite
{
    private const string HttpProcedure = "9.900030.B";

    /// <summary>Goal 4: the same five transitions through the HTTP API, from a load process of its own.</summary>
    private async Task HttpAsync()
    {
        Console.Error.WriteLine($"# HTTP: {size.Rounds} rounds of {size.HttpDossiers:N0} dossiers, {size.Callers} concurrent callers");
        var rounds = new List<RoundResult>();
        var p50 = new List<double>();
        var p99 = new List<double>();
        for (var round = 1; round <= size.Rounds; round++)
        {
            await using var app = await BenchSilo.StartAsync(await NewDatabaseAsync("http"), EngineRound.Settings(GrainStorageSetup.GroupCommit));
            await Workload.SeedAsync(app.Services.GetRequiredService<IGrainFactory>(), HttpProcedure, TimeSpan.FromDays(5));
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var result = await ChildProcess.RunAsync(typeof(BenchmarkSuite).Assembly.Location,
                ["http-load", address, HttpProcedure, Invariant(size.HttpDossiers), Invariant(size.Callers)], "http-load", TimeSpan.FromMinutes(10));
            rounds.Add(new RoundResult(result["rate"], TimeSpan.FromSeconds(result["seconds"])));
            p50.Add(result["p50"]);
            p99.Add(result["p99"]);
            await app.StopAsync();
            Console.Error.WriteLine($"  round {round}: {result["rate"]:N0} transitions/s, p50 {result["p50"]:F1} ms, p99 {result["p99"]:F1} ms");
        }

        const string Section = "4 HTTP";
        var rate = RoundResult.Median(rounds);
        _report.Figure(Section, "engine through the HTTP API, separate load process (median)", $"{SuiteReport.F(rate)}/s", rounds);
        _report.Figure(Section, "request latency p50 / p99 (median of rounds)", $"{Median(p50):F1} / {Median(p99):F1} ms");
        _report.Ratio("4", "HTTP rate / grain-level rate (both group commit)", rate / GrainLevelRate, 0.5);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
