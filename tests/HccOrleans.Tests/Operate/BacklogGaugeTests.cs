using HccOrleans.Api.Hosting;
using HccOrleans.Hosting;
using HccOrleans.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace HccOrleans.Tests.Operate;

/// <summary>On PostgreSQL, /metrics shows what waits: notifications not delivered yet and dossier writes not yet indexed.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Operate")]
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
        var director = await engine.ClientAsync("director", "director", "");
        var scrape = await MetricsScrape.TakeAsync(director);

        Assert.Equal(3, scrape.Sum("hcc_outbox_backlog"));
        Assert.InRange(scrape.Sum("hcc_outbox_oldest_age_seconds"), 90, 3600);
        Assert.Equal(0, scrape.Sum("hcc_index_lag"));
        Assert.Single(scrape.Lines, l => l.StartsWith("hcc_index_lag{", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_ShowHowHardTheStateWriterWorks()
    {
        await using var engine = new DurableEngine(await postgres.CreateDatabaseAsync("writer-metrics"));
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        HccOrleans.Api.Json.ApiJson.Configure(json, TestCalendars.Vietnam);
        await EngineHost.SeedAsync(await engine.ClientAsync("admin", "admin", ""), json);

        var scrape = await MetricsScrape.TakeAsync(await engine.ClientAsync("director", "director", ""));

        // The meter is the process's, and other tests' silos write here too: this shows the instruments reach the
        // scrape, named by loop; the loop's own figures are checked where one loop runs alone (BatchLoopMetricsTests).
        var writer = "loop=\"hcc-write-0\"";
        var batches = scrape.Sum("hcc_group_commit_batch_duration_seconds_count", writer);
        Assert.True(batches > 0, "The seed's writes made no batch that the scrape shows.");
        Assert.True(scrape.Sum("hcc_group_commit_batch_duration_seconds_sum", writer) > 0);
        Assert.True(scrape.Sum("hcc_group_commit_batch_size_sum", writer) >= batches);
        Assert.Contains(scrape.Lines, l => l.StartsWith("hcc_group_commit_queued{", StringComparison.Ordinal) && l.Contains(writer, StringComparison.Ordinal));
    }
}
