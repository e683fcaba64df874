using Npgsql;

namespace HccOrleans.Bench.Suite;

/// <summary>
/// A city's year for the reports, loaded set-based through SQL as index rows the engine would write: dossiers received
/// through 2025 across 300 procedures of 20 fields, 25 departments and 100 communes, by every channel; most returned
/// (early, on time, or late, some with an apology), some withdrawn, the last weeks' still open with their due-date
/// history; supplements (a few twice, so the KPI reads their history), payments, ratings with items, and
/// Decision 766's flags. settled_at is what the projection writes: the last thing that happened once handling ended.
/// </summary>
internal static class ReportLoad
{
    public static readonly DateTimeOffset YearStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));

    public static async Task LoadAsync(NpgsqlDataSource data, string serviceId, int dossiers)
    {
        await using var connection = await data.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            CREATE TEMP TABLE report_load AS
            SELECT i, p, at,
                   CASE WHEN i % 50 = 0 AND at > timestamptz '2025-12-01 00:00+07' THEN 'open'
                        WHEN i % 97 = 0 THEN 'withdrawn' ELSE 'returned' END AS fate,
                   at + ((i % 11) + 1) * interval '1 day' + (i % 7) * interval '1 hour' AS ended
            FROM (SELECT i, i % 300 AS p,
                         timestamptz '2025-01-01 07:30+07' + ((i - 1)::bigint * 364 * 86400 / {dossiers}) * interval '1 second' AS at
                  FROM generate_series(1, {dossiers}) AS i) g
            """));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            INSERT INTO hcc_dossier_index (
                service_id, code, version, status, step, handling_started, procedure_code, procedure_version, procedure_name, field,
                receiving_unit, handling_agency, step_agency, agencies, channel, applicant_name, submitted_at, received_at, due_at,
                completed_at, returned_at, closed_at, completion, outcome, supplement_requests, paused_hours, apologized, resolution_hours,
                online_level, due_history, rating, rated_at, step_started_at, figures, settled_at, overdue_spans)
            SELECT *, hcc_overdue_spans(due_history, status, due_at) FROM (SELECT $1, 'R' || lpad(i::text, 9, '0'), 6,
                   CASE fate WHEN 'open' THEN 'processing' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'returned' END AS status,
                   CASE fate WHEN 'open' THEN 'appraise' ELSE 'none' END, true,
                   'P.' || p, 1, 'Thủ tục ' || p, 'Lĩnh vực ' || (p % 20), 'TTHCC', agency, CASE fate WHEN 'open' THEN agency END,
                   ARRAY['TTHCC', agency], (ARRAY['direct', 'online', 'postal', 'online'])[i % 4 + 1], 'Người nộp ' || i,
                   at - interval '1 hour', at, at + interval '10 days' AS due_at,
                   CASE fate WHEN 'returned' THEN ended END, CASE fate WHEN 'returned' THEN ended + interval '1 day' END,
                   CASE fate WHEN 'withdrawn' THEN ended END,
                   CASE WHEN fate <> 'returned' THEN NULL WHEN i % 7 = 0 THEN 'late' WHEN i % 3 = 0 THEN 'on-time' ELSE 'early' END,
                   CASE fate WHEN 'returned' THEN 'granted' END, supplements, 0, i % 14 = 0,
                   CASE fate WHEN 'returned' THEN ((i % 11) + 1) * 8 END,
                   (ARRAY['none', 'partial', 'full'])[p % 3 + 1],
                   CASE WHEN supplements = 2 OR fate = 'open' THEN jsonb_build_array(
                            jsonb_build_object('at', at, 'dueAt', at + interval '10 days', 'reason', 'received'),
                            jsonb_build_object('at', at + interval '1 day', 'reason', 'supplement-requested'),
                            jsonb_build_object('at', at + interval '2 days', 'dueAt', at + interval '11 days', 'reason', 'supplemented'),
                            jsonb_build_object('at', at + interval '3 days', 'reason', 'supplement-requested'),
                            jsonb_build_object('at', at + interval '4 days', 'dueAt', at + interval '12 days', 'reason', 'supplemented'))
                        ELSE jsonb_build_array(jsonb_build_object('at', at, 'dueAt', at + interval '10 days', 'reason', 'received')) END AS due_history,
                   CASE WHEN rated THEN (ARRAY['very-satisfied', 'satisfied', 'dissatisfied'])[i % 3 + 1] END,
                   CASE WHEN rated THEN ended + interval '2 days' END,
                   at,
                   CASE WHEN rated OR paid THEN jsonb_strip_nulls(jsonb_build_object(
                       'paidAt', CASE WHEN paid THEN at + interval '1 hour' END,
                       'paidBy', CASE WHEN paid THEN (ARRAY['online', 'counter', 'transfer'])[i % 3 + 1] END,
                       'ratingItems', CASE WHEN rated THEN jsonb_build_array(
                           jsonb_build_object('item', 'a', 'rating', 'satisfied'), jsonb_build_object('item', 'dd', 'rating', 'very-satisfied')) END,
                       'contacts', CASE WHEN rated THEN 1 + i % 3 END,
                       'digitised', CASE WHEN i % 4 <> 1 THEN i % 5 <> 0 END,
                       'electronicResult', CASE WHEN fate = 'returned' THEN i % 2 = 0 END)) END,
                   CASE fate WHEN 'open' THEN NULL ELSE CASE WHEN rated THEN ended + interval '2 days' ELSE ended END END
            FROM (SELECT l.*, CASE WHEN p >= 200 THEN 'XA' || lpad((i % 100)::text, 3, '0') ELSE 'SO' || lpad((p % 25)::text, 2, '0') END AS agency,
                         CASE WHEN i % 31 = 0 THEN 2 WHEN i % 13 = 0 THEN 1 ELSE 0 END AS supplements,
                         fate = 'returned' AND i % 5 = 0 AS rated, i % 4 = 0 AS paid
                  FROM report_load l) r) x
            """) { Parameters = { new() { Value = serviceId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DROP TABLE report_load"));
        batch.Timeout = 0;
        await batch.ExecuteNonQueryAsync();

        // After a bulk load, as autovacuum would: the visibility map and the planner's statistics.
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE hcc_dossier_index", connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync();
    }
}
