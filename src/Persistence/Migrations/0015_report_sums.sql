-- A year's report at a city's scale cannot read the year's dossiers (docs/decisions/0019). What a period counts is
-- mostly fixed once it has happened: a receipt, an end and how it ended, a payment, a rating, a result. Each is summed
-- here per day and per month of the centers' zone, in the transaction that writes the index row, by a statement
-- trigger that adds a row's new contributions and takes away its old ones. A report adds up the days and months its
-- period covers, reads the rows of its last, unfinished day, and classifies only the dossiers open at its start and
-- at its end, which the handling-span index finds without reading the others.

-- When the dossier's handling ended (DossierTimeline.Ended): the closing of a withdrawal or stop, or the completion.
CREATE FUNCTION hcc_ended_at(status text, closed_at timestamptz, completed_at timestamptz) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $fn$ SELECT CASE WHEN status IN ('withdrawn', 'stopped') THEN coalesce(closed_at, completed_at) ELSE completed_at END $fn$;

-- When a payment counts (Decision766Tally.Of): at its instant, or at receipt for a fee paid at submission, before it.
CREATE FUNCTION hcc_paid_at(figures jsonb, received_at timestamptz) RETURNS timestamptz
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $fn$ SELECT greatest((figures ->> 'paidAt')::timestamptz, CASE WHEN figures ? 'paidAt' THEN received_at END) $fn$;

-- From receipt to the end, both included; unbounded while it goes on. An end recorded before receipt (never written by
-- the engine) is read as the receipt, because a range cannot end before it starts.
CREATE FUNCTION hcc_handling_span(received_at timestamptz, ended_at timestamptz) RETURNS tstzrange
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $fn$ SELECT tstzrange(received_at, CASE WHEN ended_at < received_at THEN received_at ELSE ended_at END, '[]') $fn$;

CREATE INDEX ix_hcc_dossier_index_span ON hcc_dossier_index
    USING gist (hcc_handling_span(received_at, hcc_ended_at(status, closed_at, completed_at)))
    WHERE received_at IS NOT NULL;

-- When a dossier in progress is past its due instant, from its due-date history (DossierTimeline.IsOverdueJudgedAt): the
-- change in force at an instant is the last one made at or before it, or the first before any; the dossier is overdue
-- after that change's due instant. Stored with the row, so that classifying the dossiers in progress at an instant reads
-- no JSON. Instants are whole microseconds here, so "after the due instant" starts a microsecond later and a span is
-- tested at the instant rounded down. A row indexed before the history was kept (an empty one) has only its current due
-- date, which stops while a supplement or a payment is awaited. Timestamps in the history carry their offset, so
-- reading them does not depend on the session's time zone: the function is immutable in fact.
CREATE FUNCTION hcc_overdue_spans(due_history jsonb, status text, due_at timestamptz) RETURNS tstzmultirange
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $fn$
    SELECT CASE
        WHEN jsonb_array_length(due_history) = 0 THEN
            CASE WHEN status NOT IN ('supplement-requested', 'awaiting-payment') AND due_at IS NOT NULL
                 THEN tstzmultirange(tstzrange(due_at + interval '1 microsecond', NULL))
                 ELSE '{}'::tstzmultirange END
        ELSE coalesce((
            SELECT range_agg(tstzrange(s.overdue_from, s.replaced_at))
            FROM (SELECT greatest(CASE WHEN h.i = 1 THEN '-infinity' ELSE h.at END, h.due + interval '1 microsecond') AS overdue_from, h.replaced_at
                  FROM (SELECT i, (c ->> 'at')::timestamptz AS at, (c ->> 'dueAt')::timestamptz AS due,
                               min((c ->> 'at')::timestamptz) OVER (ORDER BY i ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS replaced_at
                        FROM jsonb_array_elements(due_history) WITH ORDINALITY AS e(c, i)) h
                  WHERE h.due IS NOT NULL) s
            WHERE s.replaced_at IS NULL OR s.overdue_from < s.replaced_at), '{}'::tstzmultirange)
        END
    $fn$;

ALTER TABLE hcc_dossier_index ADD COLUMN overdue_spans tstzmultirange GENERATED ALWAYS AS (hcc_overdue_spans(due_history, status, due_at)) STORED;

-- The day of an instant in the centers' zone (Vietnam keeps one offset all year); the C# side names the same zone.
CREATE FUNCTION hcc_report_day(at timestamptz) RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $fn$ SELECT (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date $fn$;

CREATE TYPE hcc_report_delta AS (
    service_id text,
    at         timestamptz,
    kind       text,
    key        text[],
    n          integer,
    hours      numeric,
    timed      integer,
    s1         bigint,
    s2         bigint);

-- What one index row adds to the sums, each part at its own instant, times sign. A dossier counts in a period only once
-- received: a fee paid at submission counts at receipt; an end, rating or result before receipt (never written by the
-- engine) is left out. The keys hold the handling agency and
-- the receiving unit first, for a report of one agency, then what sets the part's figures apart.
--   ended:     a resolution, withdrawal or stop (PeriodCount), with "more than one supplement request" judged at the end,
--              and the month of receipt (a period that starts with a month tells the carried over from it)
--   received:  a receipt (Decision 766: still on file, on paper, digitised, reusing a component)
--   paid:      a payment (online or not)
--   rated:     a rating (satisfied, how many agencies and contacts it says); s1, s2 the agencies and contacts
--   item:      a rated item of Art. 33(1) at its level
--   completed: a result with an outcome (electronic or not)
CREATE FUNCTION hcc_report_contributions(r hcc_dossier_index, sign integer) RETURNS SETOF hcc_report_delta
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $fn$
    WITH d AS (
        SELECT r.*, hcc_ended_at(r.status, r.closed_at, r.completed_at) AS end_at, r.status IN ('withdrawn', 'stopped') AS w,
               hcc_paid_at(r.figures, r.received_at) AS paid_at
        WHERE r.received_at IS NOT NULL)
    SELECT d.service_id, d.end_at, 'ended',
           ARRAY[d.handling_agency, d.receiving_unit, d.field, d.procedure_code, d.procedure_version::text, d.procedure_name, d.channel,
                 d.online_level, CASE WHEN d.w THEN '' ELSE coalesce(d.completion, 'on-time') END,
                 (NOT d.w AND coalesce(d.completion = 'late' AND d.apologized, false))::text, d.w::text,
                 (d.supplement_requests > 1 AND (jsonb_array_length(d.due_history) = 0
                     OR (SELECT count(*) FROM jsonb_array_elements(d.due_history) c
                         WHERE c ->> 'reason' = 'supplement-requested' AND (c ->> 'at')::timestamptz < d.end_at) > 1))::text,
                 to_char(hcc_report_day(d.received_at), 'YYYY-MM')],
           sign, CASE WHEN d.w THEN 0 ELSE sign * coalesce(d.resolution_hours, 0) END,
           CASE WHEN NOT d.w AND d.resolution_hours IS NOT NULL THEN sign ELSE 0 END, 0::bigint, 0::bigint
    FROM d WHERE d.end_at >= d.received_at
    UNION ALL
    SELECT d.service_id, d.received_at, 'received',
           ARRAY[d.handling_agency, d.receiving_unit, (NOT d.w)::text, (d.channel IN ('direct', 'postal'))::text,
                 coalesce(d.figures ->> 'digitised' = 'true', false)::text, coalesce(d.figures ->> 'reused' = 'true', false)::text],
           sign, 0, 0, 0, 0
    FROM d
    UNION ALL
    SELECT d.service_id, d.paid_at, 'paid', ARRAY[d.handling_agency, d.receiving_unit, coalesce(d.figures ->> 'paidBy' = 'online', false)::text],
           sign, 0, 0, 0, 0
    FROM d WHERE d.paid_at IS NOT NULL
    UNION ALL
    SELECT d.service_id, d.rated_at, 'rated',
           ARRAY[d.handling_agency, d.receiving_unit, (d.rating IN ('very-satisfied', 'satisfied'))::text,
                 coalesce(d.figures ? 'agenciesContacted' OR d.figures ? 'contacts', false)::text,
                 coalesce(d.figures ? 'agenciesContacted', false)::text, coalesce(d.figures ? 'contacts', false)::text],
           sign, 0, 0, sign * coalesce((d.figures ->> 'agenciesContacted')::bigint, 0), sign * coalesce((d.figures ->> 'contacts')::bigint, 0)
    FROM d WHERE d.rating IS NOT NULL AND d.rated_at >= d.received_at
    UNION ALL
    SELECT d.service_id, d.rated_at, 'item', ARRAY[d.handling_agency, d.receiving_unit, i ->> 'item', i ->> 'rating'], sign, 0, 0, 0, 0
    FROM d, jsonb_array_elements(d.figures -> 'ratingItems') i
    WHERE d.rating IS NOT NULL AND d.rated_at >= d.received_at AND d.figures ? 'ratingItems'
    UNION ALL
    SELECT d.service_id, d.completed_at, 'completed',
           ARRAY[d.handling_agency, d.receiving_unit, coalesce(d.figures ->> 'electronicResult' = 'true', false)::text], sign, 0, 0, 0, 0
    FROM d WHERE d.outcome IS NOT NULL AND d.completed_at >= d.received_at
    $fn$;

CREATE TABLE hcc_report_sums (
    service_id text    NOT NULL,
    span       "char"  NOT NULL,
    bucket     date    NOT NULL,
    kind       text    NOT NULL,
    key        text[]  NOT NULL,
    n          bigint  NOT NULL,
    hours      numeric NOT NULL,
    timed      bigint  NOT NULL,
    s1         bigint  NOT NULL,
    s2         bigint  NOT NULL,
    PRIMARY KEY (service_id, span, bucket, kind, key));

-- The day and the month an instant adds to.
CREATE FUNCTION hcc_report_buckets(at timestamptz) RETURNS TABLE (span "char", bucket date)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $fn$ VALUES ('d'::"char", hcc_report_day(at)), ('m'::"char", date_trunc('month', hcc_report_day(at))::date) $fn$;

-- Whether two versions of a row differ in what hcc_report_contributions reads (every column it reads is listed; of the
-- status, only whether it is a withdrawal or stop).
CREATE FUNCTION hcc_report_inputs_differ(o hcc_dossier_index, n hcc_dossier_index) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $fn$
    SELECT (o.received_at, o.status IN ('withdrawn', 'stopped'), o.closed_at, o.completed_at, o.handling_agency, o.receiving_unit, o.field, o.procedure_code,
            o.procedure_version, o.procedure_name, o.channel, o.online_level, o.completion, o.apologized, o.supplement_requests,
            o.due_history, o.resolution_hours, o.figures, o.rating, o.rated_at, o.outcome)
           IS DISTINCT FROM
           (n.received_at, n.status IN ('withdrawn', 'stopped'), n.closed_at, n.completed_at, n.handling_agency, n.receiving_unit, n.field, n.procedure_code,
            n.procedure_version, n.procedure_name, n.channel, n.online_level, n.completion, n.apologized, n.supplement_requests,
            n.due_history, n.resolution_hours, n.figures, n.rating, n.rated_at, n.outcome)
    $fn$;

-- Adds the written rows' contributions to their days and months and takes away the replaced rows'. A trigger with
-- transition tables fires for one event only, so the three share this function; each statement is written out, not
-- built at run time, so that its plan is kept from one transaction to the next (it runs in every write). The sums are
-- written in key order, so that concurrent writers lock them in the same order; a sum whose additions and removals
-- cancel is not written.
CREATE FUNCTION hcc_report_sums_track() RETURNS trigger
    LANGUAGE plpgsql
    AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO hcc_report_sums AS s (service_id, span, bucket, kind, key, n, hours, timed, s1, s2)
        SELECT c.service_id, b.span, b.bucket, c.kind, c.key, sum(c.n), sum(c.hours), sum(c.timed), sum(c.s1), sum(c.s2)
        FROM new_rows r, LATERAL hcc_report_contributions(r, 1) c, LATERAL hcc_report_buckets(c.at) b
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (service_id, span, bucket, kind, key) DO UPDATE
            SET n = s.n + excluded.n, hours = s.hours + excluded.hours, timed = s.timed + excluded.timed, s1 = s.s1 + excluded.s1, s2 = s.s2 + excluded.s2;
    ELSIF TG_OP = 'UPDATE' THEN
        -- Most transitions change nothing summed (a step, an assignee): only rows whose summed columns changed count.
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

-- The dossiers already indexed, before the triggers count the next ones.
INSERT INTO hcc_report_sums (service_id, span, bucket, kind, key, n, hours, timed, s1, s2)
SELECT c.service_id, b.span, b.bucket, c.kind, c.key, sum(c.n), sum(c.hours), sum(c.timed), sum(c.s1), sum(c.s2)
FROM hcc_dossier_index r, LATERAL hcc_report_contributions(r, 1) c, LATERAL hcc_report_buckets(c.at) b
GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER hcc_report_sums_insert AFTER INSERT ON hcc_dossier_index
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hcc_report_sums_track();
CREATE TRIGGER hcc_report_sums_update AFTER UPDATE ON hcc_dossier_index
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hcc_report_sums_track();
CREATE TRIGGER hcc_report_sums_delete AFTER DELETE ON hcc_dossier_index
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hcc_report_sums_track();
