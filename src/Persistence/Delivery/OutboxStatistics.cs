using Npgsql;

namespace HccOrleans.Persistence.Delivery;

/// <summary>
/// Keeps PostgreSQL's count of the outbox's rows near the truth. Plans of the outbox's queries (the backlog gauge, a
/// dossier's messages) rest on the row counts of its partial indexes, which only an analysis sets. Autovacuum looks at
/// a database about once a minute, and an outbox analysed while nearly empty and then filled within that minute (a
/// calendar change telling every citizen, a burst of receipts) is planned as if it were still empty.
/// </summary>
internal static class OutboxStatistics
{
    /// <summary>How often the delivery loop asks whether the count is stale.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    // Stale once more rows changed since the last analysis than the table then held (and at least a thousand).
    private const string Stale = """
        SELECT s.n_mod_since_analyze > greatest(1000, c.reltuples)
        FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
        WHERE s.relid = 'hcc_outbox'::regclass
        """;

    /// <summary>Analyses the outbox if its count is stale; whether it did.</summary>
    public static async Task<bool> RefreshIfStaleAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var check = database.CreateCommand(Stale);
        if (await check.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return false;
        }

        await using var analyze = database.CreateCommand("ANALYZE hcc_outbox");
        await analyze.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }
}
