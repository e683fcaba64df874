using HccOrleans.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HccOrleans.Tests.PostgreSQL;

/// <summary>
/// Migration 0019 on a database indexed before it: the overdue spans that the generated column stored stay as they
/// were, the column is no longer worked out by PostgreSQL, and a row written without spans is refused.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class OverdueSpansMigrationTests(PostgresServer postgres)
{
    private const int PlainColumn = 19;

    [Fact]
    public async Task RowsIndexedBeforeThePlainColumn_KeepTheirSpans_AndARowWithoutSpansIsRefused()
    {
        var connectionString = await postgres.CreateDatabaseAsync("spans");
        await using var database = NpgsqlDataSource.Create(connectionString);
        var migrator = new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(PlainColumn - 1, CancellationToken.None);

        // Received on 2 Mar, due on the 10th, then a supplement request stopped the clock and its answer set the 12th.
        await database.ExecuteAsync("""
            INSERT INTO hcc_dossier_index (service_id, code, version, status, step, handling_started, procedure_code, procedure_version,
                procedure_name, field, receiving_unit, handling_agency, agencies, channel, applicant_name, submitted_at, received_at,
                due_at, supplement_requests, paused_hours, apologized, due_history)
            VALUES ('spans', 'H-1', 3, 'processing', 'appraise', true, 'P', 1, 'Thủ tục', 'Lĩnh vực', 'TTHCC', 'SO', ARRAY['TTHCC', 'SO'],
                'direct', 'Người nộp', '2026-03-02 08:00+07', '2026-03-02 08:00+07', '2026-03-12 17:00+07', 1, 16, false,
                '[{"at": "2026-03-02T08:00:00+07:00", "dueAt": "2026-03-10T17:00:00+07:00", "reason": "received"},
                  {"at": "2026-03-04T09:00:00+07:00", "reason": "supplement-requested"},
                  {"at": "2026-03-06T10:00:00+07:00", "dueAt": "2026-03-12T17:00:00+07:00", "reason": "supplemented"}]')
            """);
        var before = await database.ScalarAsync<string>("SELECT overdue_spans::text FROM hcc_dossier_index WHERE code = 'H-1'");
        Assert.Contains("2026-03-12", before, StringComparison.Ordinal);

        var applied = await migrator.MigrateAsync(PlainColumn, CancellationToken.None);

        Assert.Equal([PlainColumn], applied);
        Assert.Equal(before, await database.ScalarAsync<string>("SELECT overdue_spans::text FROM hcc_dossier_index WHERE code = 'H-1'"));
        Assert.Equal("|true", await database.ScalarAsync<string>("SELECT attgenerated::text || '|' || attnotnull FROM pg_attribute WHERE attrelid = 'hcc_dossier_index'::regclass AND attname = 'overdue_spans'"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("""
            INSERT INTO hcc_dossier_index (service_id, code, version, status, step, handling_started, procedure_code, procedure_version,
                procedure_name, field, receiving_unit, handling_agency, agencies, channel, applicant_name, submitted_at, supplement_requests,
                paused_hours, apologized)
            VALUES ('spans', 'H-2', 1, 'submitted', 'none', false, 'P', 1, 'Thủ tục', 'Lĩnh vực', 'TTHCC', 'SO', ARRAY['TTHCC'], 'online', 'Người nộp',
                '2026-03-02 08:00+07', 0, 0, false)
            """));
        Assert.Equal(PostgresErrorCodes.NotNullViolation, refused.SqlState);
    }
}
