using System.Diagnostics;
using System.Text.Json;

namespace HccOrleans.Bench.Suite;

internal sealed partial class BenchmarkSuite
{
    private const int SearchesPerKind = 40;
    private const double SearchGoalMilliseconds = 200;

    /// <summary>
    /// The staff search box at scale: N dossiers loaded through SQL, then GET /api/search by an officer of the center, for
    /// each kind of thing typed into it — a name without accents, an ID number, an official code, the receipt's QR code —
    /// the kinds rotated round by round. Each answer is checked: the dossier asked for is in it, a name finds dossiers.
    /// </summary>
    private async Task SearchAsync()
    {
        Console.Error.WriteLine($"# search: {size.SearchDossiers:N0} dossiers, {size.Rounds} rounds of {SearchesPerKind} searches of each kind");
        await using var silo = await LoadedSilo.StartAsync(await NewDatabaseAsync("search"), data => SearchLoad.LoadAsync(data, "bench", size.SearchDossiers), "officer");
        var (http, loaded) = (silo.Http, silo.Loaded);

        var random = new Random(20261205);
        int Any() => random.Next(1, size.SearchDossiers + 1);
        var kinds = new (string Name, Func<(string Typed, string? Expected)> Next)[]
        {
            ("name without accents (family, middle, given)", () => { var i = Any(); return (Folded(SearchLoad.Name(i)), null); }),
            ("ID number", () => { var i = Any(); return (SearchLoad.IdNumber(i), SearchLoad.Code(i)); }),
            ("official code", () => { var i = Any(); return (SearchLoad.OfficialCode(i), SearchLoad.Code(i)); }),
            ("receipt's QR code (lookup address)", () => { var i = Any(); return ($"https://hcc.example.vn/lookup?code={SearchLoad.Code(i)}", SearchLoad.Code(i)); }),
        };
        foreach (var kind in kinds)
        {
            for (var warm = 0; warm < 5; warm++)
            {
                await SearchOnceAsync(http, kind.Next());
            }
        }

        var times = kinds.ToDictionary(k => k.Name, _ => new List<double>());
        var found = kinds.ToDictionary(k => k.Name, _ => new List<long>());
        for (var round = 1; round <= size.Rounds; round++)
        {
            for (var k = 0; k < kinds.Length; k++)
            {
                var (name, next) = kinds[(k + round - 1) % kinds.Length];
                for (var n = 0; n < SearchesPerKind; n++)
                {
                    var (milliseconds, total) = await SearchOnceAsync(http, next());
                    times[name].Add(milliseconds);
                    found[name].Add(total);
                }
            }

            Console.Error.WriteLine($"  round {round}: " + string.Join(", ", kinds.Select(k => $"{k.Name} p95 {Percentile(times[k.Name], 0.95):F0} ms")));
        }

        const string Section = "8 search";
        _report.Figure(Section, $"{size.SearchDossiers:N0} dossiers loaded through SQL (index row + folded search text each)", $"{loaded.TotalSeconds:F0} s");
        foreach (var (name, _) in kinds)
        {
            _report.Figure(Section, $"GET /api/search, {name}: median / p95 (dossiers found, mean)",
                $"{Percentile(times[name], 0.5):F0} / {Percentile(times[name], 0.95):F0} ms ({found[name].Average():N0})");
        }

        _report.Ratio("8", $"staff search p95 at {size.SearchDossiers:N0} dossiers, the slowest kind (ms)",
            kinds.Max(k => Percentile(times[k.Name], 0.95)), SearchGoalMilliseconds, atMost: true);
    }

    private static string Folded(string name) => HccOrleans.Grains.Interfaces.Model.Unaccented.Fold(name);

    private static async Task<(double Milliseconds, long Total)> SearchOnceAsync(HttpClient http, (string Typed, string? Expected) search)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync($"/api/search?q={Uri.EscapeDataString(search.Typed)}");
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"search for '{search.Typed}' answered {(int)response.StatusCode}: {body}");
        }

        using var page = JsonDocument.Parse(body);
        var total = page.RootElement.GetProperty("total").GetInt64();
        var codes = page.RootElement.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        if (total == 0 || (search.Expected is { } expected && !codes.Contains(expected)))
        {
            throw new InvalidOperationException($"search for '{search.Typed}' found {total} dossiers without {search.Expected ?? "any"}: {string.Join(", ", codes)}");
        }

        return (elapsed, total);
    }

    private static double Percentile(List<double> values, double share) => values.Order().ElementAt(Math.Max(0, (int)Math.Ceiling(values.Count * share) - 1));
}
