using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Grains.Interfaces.Reports;
using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Persistence.Queries;

/// <summary>
/// A period's <see cref="PeriodFacts"/> from the sums of migration 0015, for a period that starts at a midnight of the
/// centers' zone. What has happened in the period is added up from its months and days (and its unfinished last day's
/// rows); the dossiers in progress when it is judged are classified row by row, since how they count depends on that
/// instant. A period that starts with a month tells the dossiers carried over that ended in it by their month of
/// receipt; one that starts inside a month reads the dossiers open at its start too, and moves those that ended in it,
/// which the sums count as received in it, to "carried over" (<see cref="SummedFacts.AddOpen"/>).
/// </summary>
internal static class PostgresReportSums
{
    // $10 the days, $11 the months, $12 where the unfinished last day starts (null when the period has ended).
    private static readonly string Sums = $"""
        SELECT kind, key, sum(n)::bigint, sum(hours), sum(timed)::bigint, sum(s1)::bigint, sum(s2)::bigint
        FROM (SELECT kind, key, n, hours, timed, s1, s2 FROM hcc_report_sums
              WHERE service_id = $1 AND ((span = 'd' AND bucket = ANY($10)) OR (span = 'm' AND bucket = ANY($11)))
              UNION ALL
              SELECT kind, key, n, hours, timed, s1, s2 FROM ({LastDay("$12")}) l) x
        WHERE $8::text IS NULL OR key[1] = $8 OR key[2] = $8
        GROUP BY kind, key
        """;

    /// <summary>
    /// The contributions of the period's unfinished last day, from the index rows that can have one: those still open,
    /// and those settled since <paramref name="edge"/> (the parameter saying where the day starts, null when there is none).
    /// </summary>
    internal static string LastDay(string edge) => $"""
        SELECT c.* FROM hcc_dossier_index r, LATERAL hcc_report_contributions(r, 1) c
        WHERE {edge}::timestamptz IS NOT NULL AND r.service_id = $1 AND (r.settled_at IS NULL OR r.settled_at >= {edge})
          AND c.at >= {edge} AND c.at < $3 AND c.at <= $4
        """;

    // Open when the period is judged (found through the handling span's index) and not ended by then.
    private const string InProgress = """
        hcc_handling_span(received_at, hcc_ended_at(status, closed_at, completed_at)) @> $6::timestamptz
                  AND NOT coalesce(hcc_ended_at(status, closed_at, completed_at) < $3 AND hcc_ended_at(status, closed_at, completed_at) <= $4, false)
        """;

    // The dossiers open at the period's start (received before it, not ended before it), and those received in it and
    // still open when it is judged: both found through the handling span's index.
    private static readonly string OpenGroups = $"""
        WITH scope AS (
            SELECT * FROM hcc_dossier_index
            WHERE service_id = $1 AND received_at IS NOT NULL AND received_at < $2 AND received_at < $3 AND received_at <= $4
              AND hcc_handling_span(received_at, hcc_ended_at(status, closed_at, completed_at)) @> $2::timestamptz
              AND ($8::text IS NULL OR receiving_unit = $8 OR handling_agency = $8)
            UNION ALL
            SELECT * FROM hcc_dossier_index
            WHERE service_id = $1 AND received_at IS NOT NULL AND received_at >= $2 AND received_at < $3 AND received_at <= $4
              AND {InProgress}
              AND ($8::text IS NULL OR receiving_unit = $8 OR handling_agency = $8))
        """ + PostgresPeriodFacts.Judged + PostgresPeriodFacts.Classified;

    // A period that starts with a month finds its carried-over dossiers that ended in the sums: only those in progress
    // when it is judged are read, however long ago they were received. None of them has ended by then.
    private static readonly string InProgressGroups = $"""
        WITH scope AS (
            SELECT * FROM hcc_dossier_index
            WHERE service_id = $1 AND received_at IS NOT NULL AND received_at < $3 AND received_at <= $4
              AND {InProgress}
              AND ($8::text IS NULL OR receiving_unit = $8 OR handling_agency = $8))
        , judged AS (SELECT s.*, false AS ended, NULL::timestamptz AS end_at FROM scope s)
        , flagged AS (
            SELECT handling_agency, field, procedure_code, procedure_version, procedure_name, channel, online_level, received_at < $2 AS carried_over,
        """ + PostgresPeriodFacts.WithinDeadline + """
                   AS within,
        """ + PostgresPeriodFacts.ManySupplements + """
                   AS many_supplements
            FROM judged
            OFFSET 0)
        SELECT handling_agency, field, procedure_code, procedure_version, procedure_name, channel, online_level, true,
               carried_over, NULL::text, false, false, within, many_supplements, count(*), 0::numeric, 0::bigint
        FROM flagged
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 9, 13, 14
        """;

    /// <summary>
    /// The period's facts. The dossiers in progress are classified on a connection of their own while the sums and the
    /// overdue dossiers are read on another: the two take similar time at a city's scale, so a report waits for the
    /// longer, not for both (PostgreSQL runs them on two cores).
    /// </summary>
    public static async Task<PeriodFacts> ReadAsync(NpgsqlDataSource database, string serviceId, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset now, string? agency, ReportBuckets buckets)
    {
        var parameters = PostgresPeriodFacts.Parameters(serviceId, from, to, now, agency);
        var open = ReadOpenAsync(database, parameters, buckets);
        var sums = ReadSumsAsync(database, parameters, buckets);
        await Task.WhenAll(open, sums);
        var (summed, overdue) = await sums;
        foreach (var group in await open)
        {
            summed.AddOpen(group);
        }

        return summed.Facts(from, to, now, [.. overdue]);
    }

    /// <summary>What the sums say of the period, and the dossiers overdue now.</summary>
    private static async Task<(SummedFacts Summed, List<OverdueDossier> Overdue)> ReadSumsAsync(NpgsqlDataSource database, object[] parameters, ReportBuckets buckets)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresPeriodFacts.Settings));
        var sums = PostgresPeriodFacts.Command(Sums, parameters);
        sums.Parameters.Add(new NpgsqlParameter { Value = buckets.Days, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        sums.Parameters.Add(new NpgsqlParameter { Value = buckets.Months, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        sums.Parameters.Add(new NpgsqlParameter { Value = (object?)buckets.EdgeFrom?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        batch.BatchCommands.Add(sums);
        batch.BatchCommands.Add(PostgresPeriodFacts.Command(PostgresPeriodFacts.Overdue, parameters));

        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync();
        var summed = new SummedFacts(buckets.FromMonth);
        while (await reader.ReadAsync())
        {
            summed.Add(reader.GetString(0), reader.GetFieldValue<string?[]>(1), reader.GetInt64(2), reader.GetDecimal(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetInt64(6));
        }

        await reader.NextResultAsync();
        var overdue = new List<OverdueDossier>();
        while (await reader.ReadAsync())
        {
            overdue.Add(new OverdueDossier(reader.GetString(0), reader.GetString(1)));
        }

        return (summed, overdue);
    }

    /// <summary>The groups of the dossiers open at the period's start or in progress when it is judged, each counted.</summary>
    private static async Task<List<CountedGroup>> ReadOpenAsync(NpgsqlDataSource database, object[] parameters, ReportBuckets buckets)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresPeriodFacts.Settings));
        batch.BatchCommands.Add(PostgresPeriodFacts.Command(buckets.FromMonth is null ? OpenGroups : InProgressGroups, parameters));
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync();
        var groups = new List<CountedGroup>();
        while (await reader.ReadAsync())
        {
            if (reader.GetInt64(14) > 0)
            {
                groups.Add(PostgresPeriodFacts.GroupOf(reader));
            }
        }

        return groups;
    }
}
