using HccOrleans.Grains.Interfaces.Reports;
using Npgsql;
using NpgsqlTypes;

namespace HccOrleans.Persistence.Queries;

/// <summary>
/// What the KPI page shows beside the reports, aggregated in PostgreSQL: received and resolved per day of the center's
/// zone (<see cref="Throughput.Days"/>; from the report sums when the zone is theirs), and the dossiers falling due soon
/// per handling agency.
/// </summary>
public static class PostgresDayCounts
{
    // $10: the zone's IANA name.
    private static readonly string Days = PostgresPeriodFacts.Scope + """
        SELECT day, sum(received)::integer, sum(resolved)::integer
        FROM (SELECT (received_at AT TIME ZONE $10)::date AS day, 1 AS received, 0 AS resolved FROM judged WHERE received_at >= $2
              UNION ALL
              SELECT (end_at AT TIME ZONE $10)::date, 0, 1 FROM judged WHERE ended AND NOT w AND end_at >= $2) counted
        GROUP BY day ORDER BY day
        """;

    // From the sums (migration 0015): the received of every day, and the resolved (ended, not withdrawn or stopped);
    // $10 the days, $11 where the unfinished last day starts (null when the period has ended).
    private static readonly string SummedDays = $"""
        SELECT day, coalesce(sum(n) FILTER (WHERE kind = 'received'), 0)::integer, coalesce(sum(n) FILTER (WHERE kind = 'ended'), 0)::integer
        FROM (SELECT bucket AS day, kind, key, n FROM hcc_report_sums
              WHERE service_id = $1 AND span = 'd' AND bucket = ANY($10) AND kind IN ('received', 'ended')
              UNION ALL
              SELECT hcc_report_day(at), kind, key, n FROM ({PostgresReportSums.LastDay("$11")}) l) x
        WHERE (kind = 'received' OR key[11] = 'false') AND ($8::text IS NULL OR key[1] = $8 OR key[2] = $8)
        GROUP BY day ORDER BY day
        """;

    private const string DueSoon = """
        SELECT handling_agency, count(*)::integer FROM hcc_dossier_index
        WHERE service_id = $1 AND status = 'processing' AND due_at >= $2 AND due_at <= $3 AND received_at < $4 AND received_at <= $5
          AND ($6::text IS NULL OR receiving_unit = $6 OR handling_agency = $6)
        GROUP BY 1
        """;

    public static async Task<ThroughputBucket[]> ThroughputDaysAsync(NpgsqlDataSource database, string serviceId, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset now, string? agency, TimeZoneInfo zone)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresPeriodFacts.Settings));
        var parameters = PostgresPeriodFacts.Parameters(serviceId, from, to, now, agency);
        if (zone.HasSameRules(ReportBuckets.Zone) && ReportBuckets.Of(from, to, now) is { } buckets)
        {
            var summed = PostgresPeriodFacts.Command(SummedDays, parameters);
            summed.Parameters.Add(new NpgsqlParameter { Value = buckets.EveryDay(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
            summed.Parameters.Add(new NpgsqlParameter { Value = (object?)buckets.EdgeFrom?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(summed);
        }
        else
        {
            batch.BatchCommands.Add(PostgresPeriodFacts.Command(Days, [.. parameters, zone.Id]));
        }

        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync();
        var days = new List<ThroughputBucket>();
        while (await reader.ReadAsync())
        {
            days.Add(new ThroughputBucket(reader.GetFieldValue<DateOnly>(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return [.. days];
    }

    /// <summary>Processing dossiers due in [now, <paramref name="soonUntil"/>] per handling agency, of those received in time for a period ending at <paramref name="to"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> DueSoonAsync(NpgsqlDataSource database, string serviceId, DateTimeOffset to,
        DateTimeOffset now, string? agency, DateTimeOffset soonUntil)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(PostgresPeriodFacts.Command(DueSoon,
        [
            serviceId, PostgresPeriodFacts.Up(now), PostgresPeriodFacts.Down(soonUntil), to.UtcDateTime, PostgresPeriodFacts.Down(now), (object?)agency ?? DBNull.Value,
        ]));
        await using var reader = await batch.ExecuteReaderAsync();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }
}
