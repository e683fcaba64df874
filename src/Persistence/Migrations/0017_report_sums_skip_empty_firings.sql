-- An upsert of index rows fires both statement triggers of 0015, the insert's and the update's, whichever rows it
-- inserted or updated; and most updates change nothing summed. Each firing still started the whole summing statement,
-- whose plan (six kinds of contribution, for the rows written and the rows replaced) costs more to start than to run
-- on the one or two rows of a small batch. A look at the transition tables first, whose plan is small, now ends a
-- firing with nothing to add. What is summed is unchanged.
CREATE OR REPLACE FUNCTION hcc_report_sums_track() RETURNS trigger
    LANGUAGE plpgsql
    AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT EXISTS (SELECT FROM new_rows) THEN
            RETURN NULL;
        END IF;
        INSERT INTO hcc_report_sums AS s (service_id, span, bucket, kind, key, n, hours, timed, s1, s2)
        SELECT c.service_id, b.span, b.bucket, c.kind, c.key, sum(c.n), sum(c.hours), sum(c.timed), sum(c.s1), sum(c.s2)
        FROM new_rows r, LATERAL hcc_report_contributions(r, 1) c, LATERAL hcc_report_buckets(c.at) b
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (service_id, span, bucket, kind, key) DO UPDATE
            SET n = s.n + excluded.n, hours = s.hours + excluded.hours, timed = s.timed + excluded.timed, s1 = s.s1 + excluded.s1, s2 = s.s2 + excluded.s2;
    ELSIF TG_OP = 'UPDATE' THEN
        -- Most transitions change nothing summed (a step, an assignee): only rows whose summed columns changed count.
        IF NOT EXISTS (SELECT FROM old_rows was JOIN new_rows r ON r.service_id = was.service_id AND r.code = was.code
                       WHERE hcc_report_inputs_differ(was, r)) THEN
            RETURN NULL;
        END IF;
        INSERT INTO hcc_report_sums AS s (service_id, span, bucket, kind, key, n, hours, timed, s1, s2)
        SELECT c.service_id, b.span, b.bucket, c.kind, c.key, sum(c.n), sum(c.hours), sum(c.timed), sum(c.s1), sum(c.s2)
        FROM (SELECT c.* FROM old_rows was JOIN new_rows r ON r.service_id = was.service_id AND r.code = was.code,
                             LATERAL hcc_report_contributions(r, 1) c
              WHERE hcc_report_inputs_differ(was, r)
              UNION ALL
              SELECT c.* FROM old_rows r JOIN new_rows becomes ON becomes.service_id = r.service_id AND becomes.code = r.code,
                             LATERAL hcc_report_contributions(r, -1) c
              WHERE hcc_report_inputs_differ(r, becomes)) c,
             LATERAL hcc_report_buckets(c.at) b
        GROUP BY 1, 2, 3, 4, 5
        HAVING (sum(c.n), sum(c.hours), sum(c.timed), sum(c.s1), sum(c.s2)) <> (0, 0, 0, 0, 0)
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (service_id, span, bucket, kind, key) DO UPDATE
            SET n = s.n + excluded.n, hours = s.hours + excluded.hours, timed = s.timed + excluded.timed, s1 = s.s1 + excluded.s1, s2 = s.s2 + excluded.s2;
    ELSE
        INSERT INTO hcc_report_sums AS s (service_id, span, bucket, kind, key, n, hours, timed, s1, s2)
        SELECT c.service_id, b.span, b.bucket, c.kind, c.key, sum(c.n), sum(c.hours), sum(c.timed), sum(c.s1), sum(c.s2)
        FROM old_rows r, LATERAL hcc_report_contributions(r, -1) c, LATERAL hcc_report_buckets(c.at) b
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (service_id, span, bucket, kind, key) DO UPDATE
            SET n = s.n + excluded.n, hours = s.hours + excluded.hours, timed = s.timed + excluded.timed, s1 = s.s1 + excluded.s1, s2 = s.s2 + excluded.s2;
    END IF;
    RETURN NULL;
END
$fn$;
