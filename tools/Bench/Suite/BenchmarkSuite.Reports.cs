using System.Diagnostics;

namespace HccOrleans.Bench.Suite;

internal sealed partial class BenchmarkSuite
{
    private const int ReportCallsPerKind = 3;
    private const double YearGoalMilliseconds = 2_000;
    private const double MonthGoalMilliseconds = 300;
    private const double ReportMemoryGoalMebibytes = 50;

    /// <summary>
    /// A city's year of reports: N dossiers of 2025 loaded through SQL, then a director asks over HTTP for the year's and
    /// a month's Biểu 07b and KPIs (the month is November, so December's open dossiers and the carried-over ones are read
    /// too), the kinds rotated round by round, each answer checked against the number of dossiers loaded. What the process
    /// allocates while a report runs says whether the report loads rows (8 million summaries would be gigabytes).
    /// </summary>
    private async Task ReportsAsync()
    {
        Console.Error.WriteLine($"# reports: {size.ReportDossiers:N0} dossiers, {size.Rounds} rounds of {ReportCallsPerKind} calls of each kind");
        await using var silo = await LoadedSilo.StartAsync(await NewDatabaseAsync("reports"), data => ReportLoad.LoadAsync(data, "bench", size.ReportDossiers), "director");
        var (http, loaded) = (silo.Http, silo.Loaded);

        const string Year = "from=2025-01-01&to=2026-01-01";
        const string Month = "from=2025-11-01&to=2025-12-01";
        var kinds = new (string Name, string Path, bool WholeYear)[]
        {
            ("Biểu 07b, the year", $"/api/reports/07b?{Year}", true),
            ("KPIs with Decision 766's figures, the year", $"/api/reports/kpi?{Year}", true),
            ("Biểu 07b, a month", $"/api/reports/07b?{Month}", false),
            ("KPIs with Decision 766's figures, a month", $"/api/reports/kpi?{Month}", false),
        };

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        var peak = baseline;
        long mostAllocated = 0;
        await ReportOnceAsync(http, kinds[0].Path, size.ReportDossiers);
        var times = kinds.ToDictionary(k => k.Name, _ => new List<double>());
        for (var round = 1; round <= size.Rounds; round++)
        {
            for (var k = 0; k < kinds.Length; k++)
            {
                var (name, path, wholeYear) = kinds[(k + round - 1) % kinds.Length];
                for (var n = 0; n < ReportCallsPerKind; n++)
                {
                    var allocated = GC.GetTotalAllocatedBytes(precise: true);
                    times[name].Add(await ReportOnceAsync(http, path, wholeYear && path.Contains("07b", StringComparison.Ordinal) ? size.ReportDossiers : null));
                    mostAllocated = Math.Max(mostAllocated, GC.GetTotalAllocatedBytes(precise: true) - allocated);
                    peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64);
                }
            }

            Console.Error.WriteLine($"  round {round}: " + string.Join(", ", kinds.Select(k => $"{k.Name} median {Percentile(times[k.Name], 0.5):F0} ms")));
        }

        var retained = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1024d / 1024d;
        const string Section = "9 reports";
        _report.Figure(Section, $"{size.ReportDossiers:N0} dossiers of a year loaded through SQL (index rows)", $"{loaded.TotalSeconds:F0} s");
        foreach (var (name, _, _) in kinds)
        {
            _report.Figure(Section, $"GET {name}: median / p95", $"{Percentile(times[name], 0.5):F0} / {Percentile(times[name], 0.95):F0} ms");
        }

        var growth = (peak - baseline) / 1024d / 1024d;
        var perReport = mostAllocated / 1024d / 1024d;
        _report.Figure(Section, "managed memory allocated in the process while one report ran, the most (the silo's own work included)", $"{perReport:F0} MiB");
        _report.Figure(Section, "managed heap retained after every report (after a full collection)", $"{retained:F0} MiB");
        _report.Figure(Section, "bench process working set growth over every report (the API is in this process; the collector's budgets included)", $"{growth:F0} MiB");
        _report.Ratio("9", $"a year's 07b or KPIs at {size.ReportDossiers:N0} dossiers, the slower median (ms)",
            kinds.Where(k => k.WholeYear).Max(k => Percentile(times[k.Name], 0.5)), YearGoalMilliseconds, atMost: true);
        _report.Ratio("9", $"a month's 07b or KPIs at {size.ReportDossiers:N0} dossiers, the slower median (ms)",
            kinds.Where(k => !k.WholeYear).Max(k => Percentile(times[k.Name], 0.5)), MonthGoalMilliseconds, atMost: true);
        _report.Ratio("9", "managed memory one report takes, the most allocated while it ran (MiB)", perReport, ReportMemoryGoalMebibytes, atMost: true);
    }

    /// <summary>One report over HTTP, in milliseconds; a year's 07b must count every dossier loaded.</summary>
    private static async Task<double> ReportOnceAsync(HttpClient http, string path, int? received)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {body}");
        }

        if (received is { } expected)
        {
            using var report = System.Text.Json.JsonDocument.Parse(body);
            var total = report.RootElement.GetProperty("total").GetProperty("received").GetProperty("total").GetInt32();
            if (total != expected)
            {
                throw new InvalidOperationException($"{path} counted {total:N0} dossiers received, not the {expected:N0} loaded");
            }
        }

        return elapsed;
    }
}
