using HccOrleans.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HccOrleans.Bench.Suite;

internal sealed partial class BenchmarkSuite
{
    private const int ScansPerDossier = 3;
    private const int UploadCallers = 4;

    /// <summary>
    /// Papers as data: scans streamed into PostgreSQL through the API, and the HTTP run again with every dossier received
    /// with three scanned components against none, on one warmed server, the three kinds of round rotated.
    /// </summary>
    private async Task FilesAsync()
    {
        Console.Error.WriteLine($"# files: {size.Rounds} rounds of {size.Uploads} uploads of {size.UploadMebibytes} MiB and of {size.HttpDossiers:N0} dossiers with and without scans");
        await using var app = await BenchSilo.StartAsync(await NewDatabaseAsync("files"), EngineRound.Settings(GrainStorageSetup.GroupCommit));
        await Workload.SeedAsync(app.Services.GetRequiredService<IGrainFactory>(), HttpProcedure, TimeSpan.FromDays(5));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Task<IReadOnlyDictionary<string, double>> Transitions(int scans) => ChildProcess.RunAsync(typeof(BenchmarkSuite).Assembly.Location,
            ["http-load", address, HttpProcedure, Invariant(size.HttpDossiers), Invariant(size.Callers), Invariant(scans)], "http-load", TimeSpan.FromMinutes(10));

        await SteadyState.WarmUpAsync("files", async () => (await Transitions(0))["rate"]);
        var uploads = new List<RoundResult>();
        var bare = new List<RoundResult>();
        var scanned = new List<RoundResult>();
        var kinds = new (string Name, Func<Task> Run)[]
        {
            ("uploads", async () =>
            {
                var result = await ChildProcess.RunAsync(typeof(BenchmarkSuite).Assembly.Location,
                    ["upload-load", address, Invariant(size.Uploads), Invariant(size.UploadMebibytes), Invariant(UploadCallers)], "upload-load", TimeSpan.FromMinutes(10));
                uploads.Add(new RoundResult(result["rate"], TimeSpan.FromSeconds(result["seconds"])));
            }),
            ("no scans", async () => bare.Add(Round(await Transitions(0)))),
            ("three scans", async () => scanned.Add(Round(await Transitions(ScansPerDossier)))),
        };
        for (var round = 1; round <= size.Rounds; round++)
        {
            for (var k = 0; k < kinds.Length; k++)
            {
                await kinds[(k + round - 1) % kinds.Length].Run();
            }

            Console.Error.WriteLine($"  round {round}: uploads {uploads[^1].Rate:N1} MiB/s, transitions without scans {bare[^1].Rate:N0}/s, with three {scanned[^1].Rate:N0}/s");
        }

        await app.StopAsync();
        const string Section = "7 files";
        _report.Figure(Section, $"uploads through POST /api/files into PostgreSQL, {size.UploadMebibytes} MiB PDFs, {UploadCallers} callers (median)",
            $"{SuiteReport.F(RoundResult.Median(uploads))} MiB/s", uploads, " MiB/s");
        _report.Figure(Section, "engine through the HTTP API, components without files (median)", $"{SuiteReport.F(RoundResult.Median(bare))}/s", bare);
        _report.Figure(Section, $"the same, each dossier received with {ScansPerDossier} scanned components linking stored files (median)",
            $"{SuiteReport.F(RoundResult.Median(scanned))}/s", scanned);
        _report.Ratio("7", "HTTP transitions/s: three scanned components / none", RoundResult.Median(scanned) / RoundResult.Median(bare), double.NaN);
    }

    private static RoundResult Round(IReadOnlyDictionary<string, double> result) => new(result["rate"], TimeSpan.FromSeconds(result["seconds"]));
}
