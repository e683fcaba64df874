using System.Globalization;
using Npgsql;

namespace HccOrleans.Bench.Suite;

internal sealed partial class BenchmarkSuite
{
    private const string ClusterProcedure = "9.900040.B";

    /// <summary>
    /// Goals 5 and 6: 1, 2 and 3 silo processes behind the API as its own Orleans client process, each with its own
    /// bounded pool, under the HTTP load of a separate process, on the stock PostgreSQL (max_connections = 100);
    /// the connections each process held at most, sampled from pg_stat_activity.
    /// </summary>
    private async Task ClusterAsync()
    {
        Console.Error.WriteLine($"# cluster: 1, 2 and 3 silos + the API client, {size.ClusterDossiers:N0} dossiers through the API each");
        var rates = new Dictionary<int, (double Rate, double P99, ConnectionUse Connections)>();
        foreach (var silos in new[] { 1, 2, 3 })
        {
            rates[silos] = await ClusterRoundAsync(silos);
            Console.Error.WriteLine($"  {silos} silo(s): {rates[silos].Rate:N0} transitions/s, p99 {rates[silos].P99:F0} ms, connections at most {rates[silos].Connections.Total} ({rates[silos].Connections.Describe()})");
        }

        var three = rates[3].Connections;
        _report.Figure("5 connections", "3 silos + API client at full load: connections held at most, all processes", $"{three.Total} of max_connections {three.ServerLimit}");
        _report.Figure("5 connections", "the same, per process (bound: Postgres:MaxConnections, default 20)", three.Describe());
        _report.Figure("5 connections", "3 silos + API client: transitions/s through the API client", $"{SuiteReport.F(rates[3].Rate)}/s");
        _report.Ratio("5", "connections held at most / max_connections (3 silos + API client)", (double)three.Total / three.ServerLimit, 1.0, atMost: true);
        _report.Ratio("5", "largest process's connections / its configured bound", (double)three.MostPerProcess / three.Bound, 1.0, atMost: true);
        _report.Figure("6 beyond one machine", "1 silo + API client: transitions/s through the API client", $"{SuiteReport.F(rates[1].Rate)}/s");
        _report.Figure("6 beyond one machine", "2 silos + API client: transitions/s through the API client", $"{SuiteReport.F(rates[2].Rate)}/s");
        _report.Ratio("6", "2 silos / 1 silo on this 2-core machine (overhead, not scaling)", rates[2].Rate / rates[1].Rate, double.NaN);
    }

    private async Task<(double Rate, double P99, ConnectionUse Connections)> ClusterRoundAsync(int silos)
    {
        var database = await NewDatabaseAsync($"cluster{silos}");
        await using (var seeder = await BenchSilo.StartAsync(database, new Dictionary<string, string?>()))
        {
            await Workload.SeedAsync(seeder.Services.GetRequiredService<IGrainFactory>(), ClusterProcedure, TimeSpan.FromDays(5));
            await seeder.StopAsync();
        }

        var processes = new List<ServerProcess>();
        try
        {
            for (var i = 1; i <= silos; i++)
            {
                processes.Add(await ServerProcess.StartAsync("src/Silo", "HccOrleans.Silo", $"silo{i}", 5180 + i, Settings(database, $"hcc-silo-{i}", silos, new()
                {
                    ["Orleans:SiloPort"] = Invariant(11200 + i),
                    ["Orleans:GatewayPort"] = Invariant(30200 + i),
                })));
            }

            var api = await ServerProcess.StartAsync("src/Api", "HccOrleans.Api", "api", 5190, Settings(database, "hcc-api", silos, new()));
            processes.Add(api);
            IReadOnlyDictionary<string, double> result;
            await using (var sampler = new ConnectionSampler(database))
            {
                result = await ChildProcess.RunAsync(typeof(BenchmarkSuite).Assembly.Location,
                    ["http-load", api.Address.ToString(), ClusterProcedure, Invariant(size.ClusterDossiers), Invariant(size.Callers)], $"http-load {silos}", TimeSpan.FromMinutes(10));
                await using var data = NpgsqlDataSource.Create(database);
                await using var limit = data.CreateCommand("SELECT current_setting('max_connections')::int");
                return (result["rate"], result["p99"], new ConnectionUse(sampler.MostByProcess, sampler.MostTotal, (int)(await limit.ExecuteScalarAsync())!, HccOrleans.Persistence.PostgresDataSources.DefaultMaxConnections));
            }
        }
        finally
        {
            foreach (var process in Enumerable.Reverse(processes))
            {
                await process.DisposeAsync();
            }
        }
    }

    /// <summary>What an operator sets for one process of the cluster: the bench's settings, the database named after the process.</summary>
    private static Dictionary<string, string> Settings(string database, string applicationName, int silos, Dictionary<string, string> more)
    {
        var settings = BenchSilo.Settings(new NpgsqlConnectionStringBuilder(database) { ApplicationName = applicationName }.ConnectionString, $"suite-{silos}")
            .ToDictionary(setting => setting.Key, setting => setting.Value!);
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private sealed record ConnectionUse(IReadOnlyDictionary<string, long> ByProcess, long Total, int ServerLimit, int Bound)
    {
        public long MostPerProcess => ByProcess.Count == 0 ? 0 : ByProcess.Values.Max();

        public string Describe() => string.Join(", ", ByProcess.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}")));
    }
}
