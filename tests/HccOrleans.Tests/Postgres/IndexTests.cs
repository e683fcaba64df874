using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using HccOrleans.Model;
using HccOrleans.Tests.Support;
using Npgsql;
using Xunit.Abstractions;
using static HccOrleans.Tests.Support.TestCatalogue;

namespace HccOrleans.Tests.Postgres;

/// <summary>The PostgreSQL dossier index: its SQL filters, and its agreement with grain state after a SIGKILL under load.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class IndexTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Procedure = "9.000600.000.00.00.T";

    [Fact]
    public async Task Index_SigkillUnderLoad_AgreesWithGrainStateOnEveryDossier()
    {
        var connectionString = await postgres.CreateDatabaseAsync("index");
        await using var silo = new SiloProcess(connectionString, $"index-{Guid.NewGuid():N}"[..20]);
        silo.Start();
        await silo.WaitReadyAsync();
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 36_000);

        // Sixteen workers take dossiers through the workflow until the silo is killed under them.
        using var stop = new CancellationTokenSource();
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var code = (await http.SubmitAsync(Procedure)).Code;
                    acknowledged[code] = 1;
                    acknowledged[code] = (await http.ActAsync(Officer, code, "receive")).Version;
                    acknowledged[code] = (await http.ActAsync(SpecialistA, code, "appraise", new { outcome = "eligible" })).Version;
                    acknowledged[code] = (await http.ActAsync(LeaderA, code, "approve", new { })).Version;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return;
                }
            }
        })).ToArray();
        while (acknowledged.Count < 60)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        silo.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        silo.Start();
        await silo.WaitReadyAsync();

        await using var database = NpgsqlDataSource.Create(connectionString);
        await Silo.Persistence.IndexPump.DrainAsync(database); // convergence: whatever is still queued is indexed now
        var (rows, differences) = await CompareAsync(database, acknowledged);
        output.WriteLine($"{rows} dossiers in storage, {acknowledged.Count} acknowledged, {differences.Count} differences");
        Assert.True(rows >= 60);
        Assert.Empty(differences);
        Assert.All(acknowledged.Keys, code => Assert.True(acknowledged[code] > 0));

        // The rebuild command recomputes a damaged index from grain state.
        await using (var damage = database.CreateCommand("DELETE FROM hcc_dossier_index WHERE code IN (SELECT code FROM hcc_dossier_index LIMIT 10); UPDATE hcc_dossier_index SET status = 'refused'"))
        {
            await damage.ExecuteNonQueryAsync();
        }

        Assert.NotEmpty((await CompareAsync(database, acknowledged)).Differences);
        var (indexed, _) = await Silo.Persistence.IndexRebuilder.RebuildAsync(database);
        Assert.Equal(rows, indexed);
        Assert.Empty((await CompareAsync(database, acknowledged)).Differences);
    }

    /// <summary>Every stored dossier against its index row (and against what callers were told), as differences.</summary>
    private static async Task<(int Rows, List<string> Differences)> CompareAsync(NpgsqlDataSource database, IReadOnlyDictionary<string, long> acknowledged)
    {
        await using var compare = database.CreateCommand("""
            SELECT s.grainidextensionstring, (j ->> 'version')::bigint, j ->> 'status', j ->> 'step', (j ->> 'dueAt')::timestamptz,
                   i.version, i.status, i.step, i.due_at
            FROM orleansstorage s
            CROSS JOIN LATERAL (SELECT convert_from(s.payloadbinary, 'UTF8')::jsonb AS j) state
            LEFT JOIN hcc_dossier_index i ON i.code = s.grainidextensionstring AND i.service_id = s.serviceid
            WHERE s.graintypestring = 'dossier'
            """);
        var rows = 0;
        var differences = new List<string>();
        await using var reader = await compare.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
            var code = reader.GetString(0);
            var state = (reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? (DateTime?)null : reader.GetDateTime(4));
            var index = reader.IsDBNull(5)
                ? (-1L, "", "", (DateTime?)null)
                : (reader.GetInt64(5), reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? (DateTime?)null : reader.GetDateTime(8));
            if (state != index)
            {
                differences.Add($"{code}: state {state} index {index}");
            }

            if (acknowledged.TryGetValue(code, out var version) && state.Item1 < version)
            {
                differences.Add($"{code}: acknowledged version {version} lost (state has {state.Item1})");
            }
        }

        return (rows, differences);
    }

    [Fact]
    public async Task Index_SqlFiltersScopingAndLatency_MatchTheContract()
    {
        var connectionString = await postgres.CreateDatabaseAsync("filters");
        await using var silo = new SiloProcess(connectionString, $"filters-{Guid.NewGuid():N}"[..20]);
        silo.Start();
        await silo.WaitReadyAsync();
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 3600);
        using var client = new HttpClient { BaseAddress = silo.BaseAddress };

        var submitted = (await http.SubmitAsync(Procedure)).Code;
        var received = (await http.SubmitAsync(Procedure)).Code;
        var latencies = new List<TimeSpan>();
        for (var i = 0; i < 20; i++)
        {
            var code = i == 0 ? received : (await http.SubmitAsync(Procedure)).Code;
            var acknowledged = Stopwatch.StartNew();
            await http.ActAsync(Officer, code, "receive");
            acknowledged.Restart();
            while (!(await ListAsync(client, http, Director, $"status=processing&pageSize=200")).Contains(code))
            {
                Assert.True(acknowledged.Elapsed < TimeSpan.FromSeconds(1), $"{code} not listed within 1 s");
            }

            latencies.Add(acknowledged.Elapsed);
        }

        output.WriteLine($"acknowledged receive → visible in GET /api/dossiers: max {latencies.Max().TotalMilliseconds:F0} ms, median {latencies.Order().ElementAt(latencies.Count / 2).TotalMilliseconds:F0} ms");
        Assert.Equal([submitted], await ListAsync(client, http, Director, "status=submitted"));
        Assert.Contains(received, await ListAsync(client, http, Officer, "agency=AGA&channel=direct&pageSize=200"));
        Assert.Empty(await ListAsync(client, http, new Actor("x", [Role.Officer], "BULK"), "pageSize=200"));
        Assert.Empty(await ListAsync(client, http, Director, "overdue=true"));
        Assert.Equal(21, (await ListAsync(client, http, Director, "overdue=false&pageSize=200")).Length);
        Assert.Equal(20, (await ListAsync(client, http, Director, $"procedure={Procedure}&dueBefore={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(2).ToString("O"))}&pageSize=200")).Length);
        Assert.Equal(5, (await ListAsync(client, http, Director, "pageSize=5&page=2")).Length);

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd");
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(1).ToString("yyyy-MM-dd");
        var report = await GetJsonAsync(client, http, Director, $"/api/reports/06a?from={today}&to={tomorrow}");
        Assert.Equal(20, report.GetProperty("total").GetProperty("received").GetProperty("total").GetInt32());
        // Due an hour after receipt, before the period's end: in progress, but past its deadline at the end.
        Assert.Equal(20, report.GetProperty("total").GetProperty("inProgress").GetProperty("overdue").GetInt32());
    }

    private static async Task<string[]> ListAsync(HttpClient client, EngineHttp http, Actor actor, string query)
    {
        var body = await GetJsonAsync(client, http, actor, $"/api/dossiers?{query}");
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!)];
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, EngineHttp http, Actor actor, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await http.TokenAsync(actor));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
