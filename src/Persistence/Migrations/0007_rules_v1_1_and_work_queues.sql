-- Rules as the law reads them (docs/decisions/0005) and the work queues (docs/decisions/0006). The index learns
-- when a dossier was withdrawn or stopped, its procedure's online level, its due-date history (every change of
-- the due instant in force, and every clock stop), its rating and when it entered its current step; the refresh
-- function fills them and tells listeners (NOTIFY hcc_dossiers) which dossiers it indexed; every stored dossier
-- is queued once, so that rows indexed before this migration get them too. The outbox learns how many missed
-- daily repeats one notice stands for.
ALTER TABLE hcc_dossier_index
    ADD COLUMN closed_at       timestamptz NULL,
    ADD COLUMN online_level    text        NOT NULL DEFAULT 'none',
    ADD COLUMN due_history     jsonb       NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN rating          text        NULL,
    ADD COLUMN rated_at        timestamptz NULL,
    ADD COLUMN step_started_at timestamptz NULL;

-- Work queues read the open dossiers only: a partial index keeps them a small scan however many are closed.
CREATE INDEX ix_hcc_dossier_index_open ON hcc_dossier_index (service_id, status, due_at)
    WHERE status IN ('submitted', 'processing', 'supplement-requested', 'awaiting-payment', 'done');

ALTER TABLE hcc_outbox ADD COLUMN missed integer NOT NULL DEFAULT 0;

-- Takes up to batch queue entries (skipping those another indexer holds), writes the index rows and
-- escalations of their dossiers from current state, once per dossier, notifies the codes it indexed (or '*' for
-- a batch too large for one notification; delivered at commit), and answers how many entries it took.
CREATE OR REPLACE FUNCTION hcc_index_refresh(batch integer) RETURNS integer LANGUAGE sql AS $fn$
    WITH taken AS (
        DELETE FROM hcc_index_queue q
        WHERE q.id IN (SELECT id FROM hcc_index_queue ORDER BY id LIMIT batch FOR UPDATE SKIP LOCKED)
        RETURNING q.*),
    dossiers_taken AS (
        SELECT DISTINCT ON (service_id, code) * FROM taken),
    states AS (
        SELECT s.serviceid, convert_from(s.payloadbinary, 'UTF8')::jsonb AS j
        FROM dossiers_taken t
        JOIN orleansstorage s
          ON s.grainidhash = t.grainidhash AND s.graintypehash = t.graintypehash
         AND s.grainidn0 = t.grainidn0 AND s.grainidn1 = t.grainidn1
         AND s.serviceid = t.service_id AND s.graintypestring = 'dossier' AND s.grainidextensionstring = t.code
        WHERE s.payloadbinary IS NOT NULL),
    prepared AS (
        SELECT serviceid, j, j -> 'procedure' -> 'definition' AS definition,
               CASE WHEN j ->> 'step' IN ('appraise', 'approve', 'return') THEN coalesce(
                   (SELECT st ->> 'agencyCode' FROM jsonb_array_elements(coalesce(j -> 'procedure' -> 'definition' -> 'steps', '[]'::jsonb)) st
                    WHERE st ->> 'step' = j ->> 'step' LIMIT 1),
                   j -> 'procedure' -> 'definition' ->> 'agencyCode') END AS step_owner
        FROM states
        WHERE coalesce((j ->> 'version')::bigint, 0) > 0),
    dossiers AS (
        INSERT INTO hcc_dossier_index AS i (
            service_id, code, version, status, step, handling_started, procedure_code, procedure_version, procedure_name,
            field, receiving_unit, handling_agency, step_agency, agencies, channel, applicant_name, submitted_at, received_at,
            due_at, step_due_at, rescheduled_due_at, completed_at, returned_at, completion, outcome, supplement_requests,
            paused_hours, apologized, resolution_hours, closed_at, online_level, due_history, rating, rated_at, step_started_at, indexed_at)
        SELECT
            r.serviceid, r.j ->> 'code', (r.j ->> 'version')::bigint, r.j ->> 'status', coalesce(r.j ->> 'step', 'none'),
            coalesce((r.j ->> 'handlingStarted')::boolean, false),
            r.j -> 'procedure' ->> 'code', (r.j -> 'procedure' ->> 'version')::integer, r.definition ->> 'name', r.definition ->> 'field',
            r.j -> 'request' ->> 'receivingUnit', r.definition ->> 'agencyCode', r.step_owner,
            CASE WHEN jsonb_array_length(coalesce(r.definition -> 'steps', '[]'::jsonb)) = 0
                 THEN array_remove(ARRAY[r.j -> 'request' ->> 'receivingUnit', r.definition ->> 'agencyCode'], NULL)
                 ELSE array_remove(ARRAY[r.j -> 'request' ->> 'receivingUnit', r.definition ->> 'agencyCode']
                     || ARRAY(SELECT st ->> 'agencyCode' FROM jsonb_array_elements(r.definition -> 'steps') st), NULL) END,
            r.j -> 'request' ->> 'channel', r.j -> 'request' -> 'applicant' ->> 'name',
            (r.j ->> 'submittedAt')::timestamptz, (r.j ->> 'receivedAt')::timestamptz, (r.j ->> 'dueAt')::timestamptz,
            (r.j ->> 'stepDueAt')::timestamptz, (r.j ->> 'rescheduledDueAt')::timestamptz, (r.j ->> 'completedAt')::timestamptz,
            (r.j ->> 'returnedAt')::timestamptz, r.j ->> 'completion', r.j ->> 'outcome',
            coalesce((r.j ->> 'supplementRequests')::integer, 0),
            coalesce(hcc_timespan_hours(r.j ->> 'pausedWorkingTime'), 0),
            coalesce((r.j ->> 'apologized')::boolean, false), (r.j ->> 'resolutionWorkingHours')::numeric,
            (r.j ->> 'closedAt')::timestamptz, coalesce(r.definition ->> 'onlineLevel', 'none'), coalesce(r.j -> 'dueHistory', '[]'::jsonb),
            r.j -> 'rating' ->> 'rating', (r.j -> 'rating' ->> 'at')::timestamptz, (r.j ->> 'stepStartedAt')::timestamptz, now()
        FROM prepared r
        ON CONFLICT (service_id, code) DO UPDATE SET
            version = excluded.version, status = excluded.status, step = excluded.step,
            handling_started = excluded.handling_started, procedure_code = excluded.procedure_code,
            procedure_version = excluded.procedure_version, procedure_name = excluded.procedure_name, field = excluded.field,
            receiving_unit = excluded.receiving_unit, handling_agency = excluded.handling_agency,
            step_agency = excluded.step_agency, agencies = excluded.agencies, channel = excluded.channel,
            applicant_name = excluded.applicant_name, submitted_at = excluded.submitted_at, received_at = excluded.received_at,
            due_at = excluded.due_at, step_due_at = excluded.step_due_at, rescheduled_due_at = excluded.rescheduled_due_at,
            completed_at = excluded.completed_at, returned_at = excluded.returned_at, completion = excluded.completion,
            outcome = excluded.outcome, supplement_requests = excluded.supplement_requests,
            paused_hours = excluded.paused_hours, apologized = excluded.apologized,
            resolution_hours = excluded.resolution_hours, closed_at = excluded.closed_at, online_level = excluded.online_level,
            due_history = excluded.due_history, rating = excluded.rating, rated_at = excluded.rated_at,
            step_started_at = excluded.step_started_at, indexed_at = excluded.indexed_at
        WHERE i.version <= excluded.version
        RETURNING i.code),
    escalations AS (
        INSERT INTO hcc_escalation_index (service_id, dossier_code, key, kind, step, agency, due_at, fired_at, repeat)
        SELECT r.serviceid, r.j ->> 'code', e ->> 'key', e ->> 'kind', coalesce(e ->> 'step', 'none'), coalesce(e ->> 'agency', ''),
               (e ->> 'dueAt')::timestamptz, (e ->> 'firedAt')::timestamptz, coalesce((e ->> 'repeat')::integer, 0)
        FROM prepared r, jsonb_array_elements(coalesce(r.j -> 'escalations', '[]'::jsonb)) e
        ON CONFLICT DO NOTHING
        RETURNING 1),
    notified AS (
        SELECT pg_notify('hcc_dossiers', CASE WHEN count(*) <= 200 THEN string_agg(code, ',') ELSE '*' END)
        FROM dossiers HAVING count(*) > 0)
    SELECT (SELECT count(*)::integer FROM taken) FROM (SELECT count(*) FROM notified) AS sent;
$fn$;

INSERT INTO hcc_index_queue (service_id, code, grainidhash, graintypehash, grainidn0, grainidn1)
SELECT serviceid, grainidextensionstring, grainidhash, graintypehash, grainidn0, grainidn1
FROM orleansstorage WHERE graintypestring = 'dossier' AND payloadbinary IS NOT NULL;
