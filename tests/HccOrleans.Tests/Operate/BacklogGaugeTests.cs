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
}
