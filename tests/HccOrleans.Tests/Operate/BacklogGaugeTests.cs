using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HccOrleans.Api.Hosting;
using HccOrleans.Silo.Persistence;
using HccOrleans.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HccOrleans.Tests.Operate;

/// <summary>On PostgreSQL, /metrics shows what waits: notifications not delivered yet and dossier writes not yet indexed.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class BacklogGaugeTests(PostgresServer postgres)
{
    [Fact]
    public async Task Metrics_ShowTheOutboxBacklog_AndTheIndexLag()
    {
        var connectionString = await postgres.CreateDatabaseAsync("backlog");
        await using (var database = PostgresDataSources.Create(connectionString, "backlog-tests"))
        {
            await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
            await using var undelivered = database.CreateCommand("""
                INSERT INTO hcc_outbox (id, dossier_code, kind, recipient_role, agency, due_at, fired_at, repeat, message, created_at)
                SELECT 'backlog-' || n, 'code-' || n, 'overdue', 'director', '', now(), now(), 0, 'x', now() - interval '90 seconds'
                FROM generate_series(1, 3) AS n
                """);
            await undelivered.ExecuteNonQueryAsync();
        }

        await using var engine = new DurableEngine(connectionString);
        var director = engine.CreateClient();
        var token = await director.PostAsJsonAsync("/api/dev/token", new { sub = "director", roles = new[] { "director" }, agency = "" });
        director.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        var scrape = await director.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        var lines = (await scrape.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal(3, Value(lines, "hcc_outbox_backlog"));
        Assert.InRange(Value(lines, "hcc_outbox_oldest_age_seconds"), 90, 3600);
        Assert.Equal(0, Value(lines, "hcc_index_lag"));
    }

    private static double Value(string[] lines, string metric) =>
        double.Parse(Assert.Single(lines, l => l.StartsWith(metric + "{", StringComparison.Ordinal)).Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);

    private sealed class DurableEngine(string connectionString) : WebApplicationFactory<HccOrleans.Silo.SiloProgram>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Hcc", connectionString);
            EngineHost.Configure(builder, new FakeTimeProvider(TestCatalogue.Epoch), 30);
        }
    }
}
