-- The dossier index: one row per dossier, and one per escalation occurrence, derived from the
-- dossiers' stored state (docs/decisions/0004). The state's JSON property names are the contract
-- (docs/decisions/0002); a row never goes back to an older version.
CREATE TABLE hcc_dossier_index (
    service_id          text        NOT NULL,
    code                text        NOT NULL,
    version             bigint      NOT NULL,
    status              text        NOT NULL,
    step                text        NOT NULL,
    handling_started    boolean     NOT NULL,
    procedure_code      text        NOT NULL,
    procedure_version   integer     NOT NULL,
    procedure_name      text        NOT NULL,
    field               text        NOT NULL,
    receiving_unit      text        NOT NULL,
    handling_agency     text        NOT NULL,
    step_agency         text        NULL,
    agencies            text[]      NOT NULL,
    channel             text        NOT NULL,
    applicant_name      text        NOT NULL,
    submitted_at        timestamptz NOT NULL,
    received_at         timestamptz NULL,
    due_at              timestamptz NULL,
    step_due_at         timestamptz NULL,
    rescheduled_due_at  timestamptz NULL,
    completed_at        timestamptz NULL,
    returned_at         timestamptz NULL,
    completion          text        NULL,
    outcome             text        NULL,
    supplement_requests integer     NOT NULL,
    paused_hours        numeric     NOT NULL,
    apologized          boolean     NOT NULL,
    resolution_hours    numeric     NULL,
    indexed_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, code)
) WITH (fillfactor = 70);

-- Few indexes on purpose: every transition rewrites the row, and each index is written again unless
-- the update is HOT (no indexed column changed, room on the page: hence the fillfactor). Lists and
-- reports select by receipt date; the queue of open deadlines by due date.
CREATE INDEX ix_hcc_dossier_index_received ON hcc_dossier_index (service_id, received_at);
CREATE INDEX ix_hcc_dossier_index_due ON hcc_dossier_index (service_id, due_at);

CREATE TABLE hcc_escalation_index (
    service_id   text        NOT NULL,
    dossier_code text        NOT NULL,
    key          text        NOT NULL,
    kind         text        NOT NULL,
    step         text        NOT NULL,
    agency       text        NOT NULL,
    due_at       timestamptz NOT NULL,
    fired_at     timestamptz NOT NULL,
    repeat       integer     NOT NULL,
    PRIMARY KEY (service_id, dossier_code, key)
);

CREATE INDEX ix_hcc_escalation_index_fired ON hcc_escalation_index (service_id, fired_at);

-- A .NET TimeSpan as System.Text.Json writes it ([d.]hh:mm:ss[.fffffff]) in hours. No regular
-- expression: this runs on every dossier write.
CREATE FUNCTION hcc_timespan_hours(span text) RETURNS numeric LANGUAGE sql IMMUTABLE AS $fn$
    SELECT round((extract(epoch FROM (CASE
        WHEN span IS NULL THEN '0'
        WHEN position('.' IN span) BETWEEN 1 AND position(':' IN span) THEN overlay(span PLACING ' days ' FROM position('.' IN span) FOR 1)
        ELSE span END)::interval) / 3600)::numeric, 2)
$fn$;

-- A trigger queues every dossier write in the write's own transaction, so nothing acknowledged can
-- be missed; a per-silo indexer (IndexPump) folds the queue into the index set-based, every 100 ms,
-- and a burst of transitions of one dossier becomes one index update. Queue rows carry the storage
-- key, so the indexer reads state by its index.
-- Append-only, no unique key: a write never waits for an indexer that holds an earlier entry of the
-- same dossier; the indexer folds duplicates.
CREATE TABLE hcc_index_queue (
    id            bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id    text    NOT NULL,
    code          text    NOT NULL,
    grainidhash   integer NOT NULL,
    graintypehash integer NOT NULL,
    grainidn0     bigint  NOT NULL,
    grainidn1     bigint  NOT NULL
);

CREATE FUNCTION hcc_enqueue_dossier() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO hcc_index_queue (service_id, code, grainidhash, graintypehash, grainidn0, grainidn1)
    VALUES (NEW.serviceid, NEW.grainidextensionstring, NEW.grainidhash, NEW.graintypehash, NEW.grainidn0, NEW.grainidn1);
    RETURN NULL;
END
$fn$;

CREATE TRIGGER hcc_dossier_index
    AFTER INSERT OR UPDATE OF payloadbinary ON orleansstorage
    FOR EACH ROW WHEN (NEW.graintypestring = 'dossier')
    EXECUTE FUNCTION hcc_enqueue_dossier();

-- Takes up to batch queue entries (skipping those another indexer holds), writes the index rows and
-- escalations of their dossiers from current state, once per dossier, and answers how many entries it took.
CREATE FUNCTION hcc_index_refresh(batch integer) RETURNS integer LANGUAGE sql AS $fn$
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
            paused_hours, apologized, resolution_hours, indexed_at)
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
            coalesce((r.j ->> 'apologized')::boolean, false), (r.j ->> 'resolutionWorkingHours')::numeric, now()
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
            resolution_hours = excluded.resolution_hours, indexed_at = excluded.indexed_at
        WHERE i.version <= excluded.version
        RETURNING 1),
    escalations AS (
        INSERT INTO hcc_escalation_index (service_id, dossier_code, key, kind, step, agency, due_at, fired_at, repeat)
        SELECT r.serviceid, r.j ->> 'code', e ->> 'key', e ->> 'kind', coalesce(e ->> 'step', 'none'), coalesce(e ->> 'agency', ''),
               (e ->> 'dueAt')::timestamptz, (e ->> 'firedAt')::timestamptz, coalesce((e ->> 'repeat')::integer, 0)
        FROM prepared r, jsonb_array_elements(coalesce(r.j -> 'escalations', '[]'::jsonb)) e
        ON CONFLICT DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM taken;
$fn$;
