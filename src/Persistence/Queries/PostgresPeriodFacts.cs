using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Grains.Interfaces.Reports;
using Npgsql;

namespace HccOrleans.Persistence.Queries;

/// <summary>
/// A period's <see cref="PeriodFacts"/> aggregated in PostgreSQL: the counting rules of <see cref="ReportRules.Count"/>,
/// <see cref="DossierTimeline"/> and <see cref="Decision766Tally.Of"/> written once more in SQL, so that a report reads
/// groups and counts, never rows. The parity test (tests/…/PostgreSQL/ReportParityTests.cs) holds the two to the same
/// numbers. Only the dossiers received in the period and those settled in or after it are read (migration 0014).
/// </summary>
public static class PostgresPeriodFacts
{
    // Parameters: $1 service, $2 from, $3 to, $4 now (for "at or before"), $5 now (for "before"), $6 as of (at or before),
    // $7 as of (before), $8 agency or null, $9 the supplement request's word. An instant is stored to the microsecond:
    // "x <= t" is read against t rounded down and "x < t" against t rounded up, so a clock's ticks change nothing.
    private const string ScopeRows = """
        WITH scope AS (
            SELECT * FROM hcc_dossier_index
            WHERE service_id = $1 AND received_at >= $2 AND received_at < $3 AND received_at <= $4
              AND ($8::text IS NULL OR receiving_unit = $8 OR handling_agency = $8)
            UNION ALL
            SELECT * FROM hcc_dossier_index
            WHERE service_id = $1 AND received_at < $2 AND received_at < $3 AND received_at <= $4
              AND (settled_at IS NULL OR settled_at >= $2 OR settled_at > $4)
              AND ($8::text IS NULL OR receiving_unit = $8 OR handling_agency = $8))
        """;

    /// <summary>Each dossier of a scope (a CTE named scope) with when and how its handling ended, judged as the reports judge it.</summary>
    internal const string Judged = """
        , ends AS (
            SELECT s.*, e.end_at, e.w, coalesce(e.end_at < $3 AND e.end_at <= $4, false) AS ended
            FROM scope s,
                 LATERAL (SELECT hcc_ended_at(s.status, s.closed_at, s.completed_at) AS end_at, s.status IN ('withdrawn', 'stopped') AS w) e),
        judged AS (
            SELECT n.*, NOT (n.received_at < $2 AND n.ended AND n.end_at < $2) AS counts, hcc_paid_at(n.figures, n.received_at) AS paid_at
            FROM ends n)
        """;

    internal const string Scope = ScopeRows + Judged;

    // For this batch's own transaction: the planner counts every combination of the grouping columns as possible, judges
    // the hash table too large and sorts every row instead (seconds at a million dossiers, for a few thousand groups); and
    // compiling the query (JIT) costs more than running it.
    internal const string Settings = "SELECT set_config('enable_sort', 'off', true), set_config('jit', 'off', true)";

    private static readonly string Groups = Scope + Classified;

    // Of a dossier in progress at as-of: whether the due instant then in force had not passed. Migration 0015 keeps the
    // spans in which the dossier is overdue, in whole microseconds: they answer for an as-of on a microsecond (every
    // period judged at its end). An as-of between two microseconds (a period judged now) needs "changed at or before"
    // and "due before" rounded in opposite directions, which one span cannot hold, so the history is read then.
    internal const string WithinDeadline = """
                   CASE WHEN $6 = $7 THEN NOT coalesce(overdue_spans @> $6::timestamptz, false)
                   ELSE NOT (CASE
                       WHEN jsonb_array_length(due_history) = 0
                           THEN status NOT IN ('supplement-requested', 'awaiting-payment') AND coalesce(due_at < $7, false)
                       ELSE coalesce((due_history -> (SELECT coalesce(max(i) FILTER (WHERE (c ->> 'at')::timestamptz <= $6), 1)::integer - 1
                                                      FROM jsonb_array_elements(due_history) WITH ORDINALITY AS h(c, i)) ->> 'dueAt')::timestamptz < $7,
                                     false) END) END
        """;

    // More than one supplement request after receipt, before as-of or the end of handling if it ended by then. A dossier
    // with a single supplement request cannot have had two after receipt (each request is counted, and only those during
    // processing enter the due-date history), so the history is read only for the few with more.
    internal const string ManySupplements = """
                   supplement_requests > 1 AND (jsonb_array_length(due_history) = 0
                       OR (SELECT count(*) FROM jsonb_array_elements(due_history) c
                           WHERE c ->> 'reason' = $9 AND (c ->> 'at')::timestamptz < CASE WHEN ended THEN end_at ELSE $7 END) > 1)
        """;

    // The flags are computed in a subquery of their own (OFFSET 0 keeps the planner from folding them into the GROUP BY,
    // where their subqueries would forbid hashing and force a sort of every row).
    /// <summary>The groups of a judged scope, with Decision 766's counts beside them (<see cref="GroupOf"/> reads the first 17 columns).</summary>
    internal const string Classified = """
        , flagged AS (
            SELECT handling_agency, field, procedure_code, procedure_version, procedure_name, channel, online_level, counts,
                   CASE WHEN counts THEN received_at < $2 END AS carried_over,
                   CASE WHEN counts AND ended AND NOT w THEN coalesce(completion, 'on-time') END AS resolved,
                   counts AND ended AND NOT w AND coalesce(completion = 'late' AND apologized, false) AS late_with_apology,
                   counts AND ended AND w AS withdrawn,
                   CASE WHEN counts AND NOT ended THEN
        """ + WithinDeadline + """
                   END AS within,
                   counts AND
        """ + ManySupplements + """
                   AS many_supplements,
                   CASE WHEN counts AND ended AND NOT w THEN resolution_hours END AS hours,
                   rating IS NOT NULL AND rated_at >= $2 AND rated_at < $3 AND rated_at <= $4 AS rated,
                   rating, figures,
                   coalesce(paid_at >= $2 AND paid_at < $3 AND paid_at <= $4, false) AS paid,
                   received_at >= $2 AND NOT w AS received,
                   channel IN ('direct', 'postal') AS on_paper,
                   coalesce(completed_at >= $2 AND completed_at < $3 AND completed_at <= $4 AND outcome IS NOT NULL, false) AS resolved_766
            FROM judged
            OFFSET 0)
        SELECT handling_agency, field, procedure_code, procedure_version, procedure_name, channel, online_level, counts,
               carried_over, resolved, late_with_apology, withdrawn, within, many_supplements,
               count(*) FILTER (WHERE counts) AS dossiers,
               coalesce(sum(hours), 0) AS resolution_hours,
               count(hours) AS timed,
               count(*) FILTER (WHERE rated) AS rated,
               count(*) FILTER (WHERE rated AND rating IN ('very-satisfied', 'satisfied')) AS satisfied,
               count(*) FILTER (WHERE paid) AS paid,
               count(*) FILTER (WHERE paid AND figures ->> 'paidBy' = 'online') AS paid_online,
               count(*) FILTER (WHERE rated AND (figures ? 'agenciesContacted' OR figures ? 'contacts')) AS rated_with_counts,
               count(*) FILTER (WHERE rated AND figures ? 'agenciesContacted') AS contacted_given,
               coalesce(sum((figures ->> 'agenciesContacted')::bigint) FILTER (WHERE rated), 0)::bigint AS contacted_sum,
               count(*) FILTER (WHERE rated AND figures ? 'contacts') AS contacts_given,
               coalesce(sum((figures ->> 'contacts')::bigint) FILTER (WHERE rated), 0)::bigint AS contacts_sum,
               count(*) FILTER (WHERE received) AS received,
               count(*) FILTER (WHERE received AND on_paper) AS on_paper,
               count(*) FILTER (WHERE received AND on_paper AND figures ->> 'digitised' = 'true') AS digitised,
               count(*) FILTER (WHERE received AND figures ->> 'reused' = 'true') AS reusing,
               count(*) FILTER (WHERE resolved_766) AS resolved_766,
               count(*) FILTER (WHERE resolved_766 AND figures ->> 'electronicResult' = 'true') AS electronic
        FROM flagged
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
        """;

    // The rated dossiers of the period straight from their own index: reading the period's whole scope a second time
    // for them cost a sixth of the report.
    private const string Items = """
        SELECT r ->> 'item', count(*) FILTER (WHERE r ->> 'rating' = 'very-satisfied'), count(*) FILTER (WHERE r ->> 'rating' = 'satisfied'), count(*)
        FROM hcc_dossier_index, jsonb_array_elements(figures -> 'ratingItems') r
        WHERE service_id = $1 AND rated_at >= $2 AND rated_at < $3 AND rated_at <= $4 AND rating IS NOT NULL AND figures ? 'ratingItems'
          AND received_at < $3 AND received_at <= $4 AND ($8::text IS NULL OR receiving_unit = $8 OR handling_agency = $8)
        GROUP BY 1
        """;

    internal const string Overdue = """
        SELECT handling_agency, code FROM hcc_dossier_index
        WHERE service_id = $1 AND status = 'processing' AND due_at < $5 AND received_at < $3 AND received_at <= $4
          AND ($8::text IS NULL OR receiving_unit = $8 OR handling_agency = $8)
        """;

    /// <summary>The facts of the dossiers of <paramref name="agency"/> (received or handled by it; all when null) for [from, to) judged at min(to, now).</summary>
    public static async Task<PeriodFacts> ReadAsync(NpgsqlDataSource database, string serviceId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? agency)
    {
        if (ReportBuckets.Of(from, to, now) is { } buckets)
        {
            return await PostgresReportSums.ReadAsync(database, serviceId, from, to, now, agency, buckets);
        }

        await using var connection = await database.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(Settings));
        foreach (var sql in new[] { Groups, Items, Overdue })
        {
            batch.BatchCommands.Add(Command(sql, Parameters(serviceId, from, to, now, agency)));
        }

        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync();
        var groups = new List<CountedGroup>();
        var tally = new long[15];
        while (await reader.ReadAsync())
        {
            if (reader.GetBoolean(7) && reader.GetInt64(14) > 0)
            {
                groups.Add(GroupOf(reader));
            }

            for (var i = 0; i < tally.Length; i++)
            {
                tally[i] += reader.GetInt64(17 + i);
            }
        }

        await reader.NextResultAsync();
        var items = new List<ItemRatings>();
        while (await reader.ReadAsync())
        {
            items.Add(new ItemRatings(reader.GetString(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3)));
        }

        await reader.NextResultAsync();
        var overdue = new List<OverdueDossier>();
        while (await reader.ReadAsync())
        {
            overdue.Add(new OverdueDossier(reader.GetString(0), reader.GetString(1)));
        }

        int T(int i) => checked((int)tally[i]);
        return new PeriodFacts(from, to, now, [.. groups], new RatingCounts(T(0), T(1)), [.. overdue],
            new Decision766Tally(T(2), T(3), [.. items.OrderBy(i => i.Item, StringComparer.Ordinal)], T(4), T(5), tally[6], T(7), tally[8],
                T(9), T(10), T(11), T(12), T(13), T(14)));
    }

    /// <summary>The parameters $1–$9 of <see cref="Scope"/> and the statements that follow it.</summary>
    internal static object[] Parameters(string serviceId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? agency)
    {
        var asOf = new Judging(to, now).AsOf;
        return
        [
            serviceId, from.UtcDateTime, to.UtcDateTime, Down(now), Up(now), Down(asOf), Up(asOf), (object?)agency ?? DBNull.Value,
            EnumWords.Of(DueChangeReason.SupplementRequested),
        ];
    }

    internal static NpgsqlBatchCommand Command(string sql, IEnumerable<object> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    internal static CountedGroup GroupOf(NpgsqlDataReader reader)
    {
        var channel = EnumWords.Parse<FilingChannel>(reader.GetString(5));
        var resolved = reader.IsDBNull(9) ? (CompletionClass?)null : EnumWords.Parse<CompletionClass>(reader.GetString(9));
        var count = new PeriodCount(reader.GetBoolean(8), channel == FilingChannel.Online, resolved, reader.GetBoolean(10), reader.GetBoolean(11),
            reader.IsDBNull(12) ? null : reader.GetBoolean(12));
        var key = new CountKey(reader.GetString(0), reader.GetString(1), new ProcedureRef(reader.GetString(2), reader.GetInt32(3), reader.GetString(4)),
            channel, EnumWords.Parse<OnlineLevel>(reader.GetString(6)), count, reader.GetBoolean(13));
        return new CountedGroup(key, (int)reader.GetInt64(14), reader.GetDecimal(15), (int)reader.GetInt64(16));
    }

    internal static DateTime Down(DateTimeOffset instant) => new(instant.UtcTicks - (instant.UtcTicks % 10), DateTimeKind.Utc);

    internal static DateTime Up(DateTimeOffset instant) => instant.UtcTicks % 10 == 0 ? Down(instant) : Down(instant).AddTicks(10);
}
