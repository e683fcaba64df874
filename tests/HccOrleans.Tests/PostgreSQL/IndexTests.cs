using System.Net.Http.Headers;
using HccOrleans.Persistence.Queries;
using HccOrleans.Grains.Dossiers;
using HccOrleans.Persistence;
using Npgsql;

namespace HccOrleans.Tests.PostgreSQL;

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
        // Every worker rates from this one address: lift the per-address limit of the anonymous endpoints.
        await using var silo = new SiloProcess(connectionString, $"index-{Guid.NewGuid():N}"[..20], new Dictionary<string, string> { ["Lookup__PermitsPerMinute"] = "100000" });
        silo.Start();
        await silo.WaitReadyAsync();
        using var http = new EngineHttp(silo.BaseAddress);
        await http.SeedAsync(Procedure, seconds: 36_000);

        // Sixteen workers take dossiers through the workflow until the silo is killed under them: every third is
        // withdrawn while a payment is awaited, the others are paid for, approved, returned and rated.
        using var stop = new CancellationTokenSource();
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var workers = Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                try
                {
                    var code = (await http.SubmitAsync(Procedure)).Code;
                    acknowledged[code] = 1;
                    acknowledged[code] = (await http.ReceiveAsync(Officer, code)).Version;
                    acknowledged[code] = (await http.ActAsync(SpecialistA, code, "request-payment", new { amount = 50_000 })).Version;
                    if ((worker + round) % 3 == 0)
                    {
                        acknowledged[code] = (await http.ActAsync(Portal, code, "withdraw", new { reason = "Xin rút" })).Version;
                        continue;
                    }

                    acknowledged[code] = (await http.ActAsync(Portal, code, "pay", new { receiptNumber = $"BL-{code}", amount = 50_000 })).Version;
                    acknowledged[code] = (await http.ActAsync(SpecialistA, code, "appraise", new { outcome = "eligible" })).Version;
                    acknowledged[code] = (await http.ActAsync(LeaderA, code, "approve", new { })).Version;
                    acknowledged[code] = (await http.ActAsync(Officer, code, "return", new { method = "counter" })).Version;
                    await http.RateAsync(code, "satisfied");
                    acknowledged[code] += 1;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return;
                }
            }
        })).ToArray();
        string Seen() => $"{acknowledged.Count} dossiers acknowledged; {workers.Count(w => w.IsCompleted)} of 16 workers ended (log: {silo.LogPath})";
        await Waits.UntilAsync(() => acknowledged.Count >= 60 || workers.All(w => w.IsCompleted), TimeSpan.FromMinutes(2), Seen);
        Assert.True(acknowledged.Count >= 60, Seen());

        silo.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        silo.Start();
        await silo.WaitReadyAsync();

        await using var database = NpgsqlDataSource.Create(connectionString);
        await HccOrleans.Persistence.IndexPump.DrainAsync(database, Silo.Providers.DossierIndexRows.Instance); // convergence: whatever is still queued is indexed now
        var (rows, differences) = await CompareAsync(database, acknowledged);
        output.WriteLine($"{rows} dossiers in storage, {acknowledged.Count} acknowledged, {differences.Count} differences");
        output.WriteLine(string.Join("\n", differences.Take(3)));
        Assert.True(rows >= 60);
        Assert.Empty(differences);

        // The rebuild command recomputes a damaged index from grain state.
        await using (var damage = database.CreateCommand("DELETE FROM hcc_dossier_index WHERE code IN (SELECT code FROM hcc_dossier_index LIMIT 10); UPDATE hcc_dossier_index SET status = 'refused'"))
        {
            await damage.ExecuteNonQueryAsync();
        }

        Assert.NotEmpty((await CompareAsync(database, acknowledged)).Differences);
        var (indexed, _) = await HccOrleans.Persistence.IndexRebuilder.RebuildAsync(database, Silo.Providers.DossierIndexRows.Instance);
        Assert.Equal(rows, indexed);
        Assert.Empty((await CompareAsync(database, acknowledged)).Differences);
    }

    /// <summary>
    /// Every stored dossier against its index row, field by field (the summary the in-memory index holds, against the
    /// row the writer's projection stored in PostgreSQL), and against what callers were told, as differences.
    /// </summary>
    private static async Task<(int Rows, List<string> Differences)> CompareAsync(NpgsqlDataSource database, IReadOnlyDictionary<string, long> acknowledged)
    {
        var indexed = new Dictionary<string, DossierSummary>(StringComparer.Ordinal);
        var queries = new PostgresDossierQueries(database, ServiceIdOf(database));
        for (var page = 1; ; page++)
        {
            var items = (await queries.ListAsync(new DossierQuery { Page = page, PageSize = DossierQuery.MaxPageSize, Now = DateTimeOffset.UtcNow })).Items;
            foreach (var item in items)
            {
                indexed[item.Code] = item;
            }

            if (items.Length < DossierQuery.MaxPageSize)
            {
                break;
            }
        }

        await using var states = database.CreateCommand("SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage WHERE graintypestring = 'dossier'");
        var rows = 0;
        var differences = new List<string>();
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await states.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
            var state = JsonSerializer.Deserialize<DossierState>(reader.GetString(0), StoredJson.Options)!;
            stored.Add(state.Code);
            var expected = state.ToSummary();
            var actual = indexed.GetValueOrDefault(state.Code);
            var (expectedJson, actualJson) = actual is null ? (Json(expected), "(not indexed)") : (Json(Snapped(expected, actual)), Json(actual));
            if (expectedJson != actualJson)
            {
                differences.Add($"{state.Code}:\n  state {expectedJson}\n  index {actualJson}");
            }

            if (acknowledged.TryGetValue(state.Code, out var version) && state.Version < version)
            {
                differences.Add($"{state.Code}: acknowledged version {version} lost (state has {state.Version})");
            }
        }

        // A dossier acknowledged to its caller and missing from storage altogether is the worst loss of all.
        differences.AddRange(acknowledged.Keys.Where(code => !stored.Contains(code)).Select(code => $"{code}: acknowledged, not in storage"));

        return (rows, differences);
    }

    /// <summary>
    /// The state's summary with what PostgreSQL keeps differently made alike: an instant within a microsecond of the
    /// index's (timestamptz rounds to microseconds), a number of equal value (numeric keeps its scale), and the agencies
    /// as a set (the index lists them for filtering, repeats included). Every other field must match exactly.
    /// </summary>
    private static DossierSummary Snapped(DossierSummary state, DossierSummary index)
    {
        static DateTimeOffset? Near(DateTimeOffset? a, DateTimeOffset? b) =>
            a is { } x && b is { } y && Math.Abs(x.UtcTicks - y.UtcTicks) <= TimeSpan.TicksPerMicrosecond ? y : a;
        static decimal? Same(decimal? a, decimal? b) => a == b ? b : a;
        return state with
        {
            Agencies = [.. state.Agencies.Distinct().Order(StringComparer.Ordinal)],
            SubmittedAt = Near(state.SubmittedAt, index.SubmittedAt)!.Value,
            ReceivedAt = Near(state.ReceivedAt, index.ReceivedAt),
            DueAt = Near(state.DueAt, index.DueAt),
            StepDueAt = Near(state.StepDueAt, index.StepDueAt),
            RescheduledDueAt = Near(state.RescheduledDueAt, index.RescheduledDueAt),
            CompletedAt = Near(state.CompletedAt, index.CompletedAt),
            ReturnedAt = Near(state.ReturnedAt, index.ReturnedAt),
            ClosedAt = Near(state.ClosedAt, index.ClosedAt),
            RatedAt = Near(state.RatedAt, index.RatedAt),
            StepStartedAt = Near(state.StepStartedAt, index.StepStartedAt),
            PausedWorkingHours = Same(state.PausedWorkingHours, index.PausedWorkingHours)!.Value,
            ResolutionWorkingHours = Same(state.ResolutionWorkingHours, index.ResolutionWorkingHours),
        };
    }

    private static string Json(DossierSummary d) =>
        JsonSerializer.Serialize(d with { Agencies = [.. d.Agencies.Distinct().Order(StringComparer.Ordinal)] }, StoredJson.Options);

    private static string ServiceIdOf(NpgsqlDataSource database)
    {
        using var command = database.CreateCommand("SELECT DISTINCT serviceid FROM orleansstorage WHERE graintypestring = 'dossier'");
        return (string)command.ExecuteScalar()!;
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
            await http.ReceiveAsync(Officer, code);
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

        // The assignee column and its filter: one dossier given to a named specialist, the rest to no one.
        await http.JsonAsync(new Actor("admin", [Role.Admin], ""), HttpMethod.Put, "/api/people/index.specialist",
            new { fullName = "Nguyễn Văn Chỉ Mục", unit = "AGA", roles = new[] { "specialist" }, active = true }, HttpStatusCode.OK);
        await http.ActAsync(new Actor("leader", [Role.Leader], "AGA"), received, "assign", new { userName = "index.specialist" });
        Assert.Equal([received], await ListAsync(client, http, Director, "assignee=index.specialist"));
        Assert.Empty(await ListAsync(client, http, Director, "assignee=nobody"));

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd");
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(1).ToString("yyyy-MM-dd");
        var asked = DateTimeOffset.UtcNow;
        var report = await GetJsonAsync(client, http, Director, $"/api/reports/06a?from={today}&to={tomorrow}");
        Assert.Equal(20, report.GetProperty("total").GetProperty("received").GetProperty("total").GetInt32());
        // The period runs until tomorrow: it is judged now, when the dossiers (due an hour after receipt) are not late yet.
        Assert.InRange(report.GetProperty("asOf").GetDateTimeOffset(), asked.AddSeconds(-1), DateTimeOffset.UtcNow); // instants go out to the second
        Assert.Equal((20, 0), (report.GetProperty("total").GetProperty("inProgress").GetProperty("withinDeadline").GetInt32(),
            report.GetProperty("total").GetProperty("inProgress").GetProperty("overdue").GetInt32()));

        // Who ended each step, read back from the index's handlers column by the per-person figures.
        var handled = (await http.SubmitAsync(Procedure)).Code;
        await http.ReceiveAsync(Officer, handled);
        var leader = new Actor("leader", [Role.Leader], "AGA");
        await http.ActAsync(leader, handled, "assign", new { userName = "index.specialist" });
        await http.ActAsync(new Actor("index.specialist", [Role.Specialist], "AGA"), handled, "appraise", new { outcome = "eligible" });
        await http.ActAsync(leader, handled, "approve");
        var people = await GetJsonAsync(client, http, Director, $"/api/reports/people?from={today}&to={tomorrow}");
        var row = people.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("userName").GetString() == "index.specialist");
        Assert.Equal(("Nguyễn Văn Chỉ Mục", 1, 1, 1), (row.GetProperty("fullName").GetString(), row.GetProperty("handled").GetInt32(),
            row.GetProperty("onTime").GetInt32(), row.GetProperty("inProgress").GetInt32()));
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
