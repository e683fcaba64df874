-- The dossier index: one row per dossier, and one per escalation occurrence, maintained by a trigger
-- on the grain-state table. The index row is written in the same transaction as the dossier's state,
-- so an acknowledged transition is in the index the moment it is acknowledged, whatever happens to
-- the silo next. The trigger reads the state's JSON (docs/decisions/0002: property names are the
-- contract); a row never goes back to an older version.
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

CREATE FUNCTION hcc_index_dossier() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    s          jsonb;
    definition jsonb;
    step_owner text;
BEGIN
    IF NEW.payloadbinary IS NULL THEN
        RETURN NULL;
    END IF;
    s := convert_from(NEW.payloadbinary, 'UTF8')::jsonb;
    IF coalesce((s ->> 'version')::bigint, 0) = 0 THEN
        RETURN NULL;
    END IF;
    definition := s -> 'procedure' -> 'definition';
    IF s ->> 'step' IN ('appraise', 'approve', 'return') AND jsonb_array_length(coalesce(definition -> 'steps', '[]'::jsonb)) > 0 THEN
        SELECT st ->> 'agencyCode' INTO step_owner
        FROM jsonb_array_elements(coalesce(definition -> 'steps', '[]'::jsonb)) st
        WHERE st ->> 'step' = s ->> 'step'
        LIMIT 1;
        step_owner := coalesce(step_owner, definition ->> 'agencyCode');
    ELSIF s ->> 'step' IN ('appraise', 'approve', 'return') THEN
        step_owner := definition ->> 'agencyCode';
    ELSE
        step_owner := NULL;
    END IF;

    INSERT INTO hcc_dossier_index AS i (
        service_id, code, version, status, step, handling_started, procedure_code, procedure_version, procedure_name,
        field, receiving_unit, handling_agency, step_agency, agencies, channel, applicant_name, submitted_at, received_at,
        due_at, step_due_at, rescheduled_due_at, completed_at, returned_at, completion, outcome, supplement_requests,
        paused_hours, apologized, resolution_hours, indexed_at)
    VALUES (
        NEW.serviceid, s ->> 'code', (s ->> 'version')::bigint, s ->> 'status', coalesce(s ->> 'step', 'none'),
        coalesce((s ->> 'handlingStarted')::boolean, false),
        s -> 'procedure' ->> 'code', (s -> 'procedure' ->> 'version')::integer, definition ->> 'name', definition ->> 'field',
        s -> 'request' ->> 'receivingUnit', definition ->> 'agencyCode', step_owner,
        CASE WHEN jsonb_array_length(coalesce(definition -> 'steps', '[]'::jsonb)) = 0
             THEN array_remove(ARRAY[s -> 'request' ->> 'receivingUnit', definition ->> 'agencyCode'], NULL)
             ELSE array_remove(ARRAY[s -> 'request' ->> 'receivingUnit', definition ->> 'agencyCode']
                 || ARRAY(SELECT st ->> 'agencyCode' FROM jsonb_array_elements(definition -> 'steps') st), NULL) END,
        s -> 'request' ->> 'channel', s -> 'request' -> 'applicant' ->> 'name',
        (s ->> 'submittedAt')::timestamptz, (s ->> 'receivedAt')::timestamptz, (s ->> 'dueAt')::timestamptz,
        (s ->> 'stepDueAt')::timestamptz, (s ->> 'rescheduledDueAt')::timestamptz, (s ->> 'completedAt')::timestamptz,
        (s ->> 'returnedAt')::timestamptz, s ->> 'completion', s ->> 'outcome',
        coalesce((s ->> 'supplementRequests')::integer, 0),
        coalesce(hcc_timespan_hours(s ->> 'pausedWorkingTime'), 0),
        coalesce((s ->> 'apologized')::boolean, false), (s ->> 'resolutionWorkingHours')::numeric, now())
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
    WHERE i.version <= excluded.version;

    IF jsonb_array_length(coalesce(s -> 'escalations', '[]'::jsonb)) > 0 THEN
        INSERT INTO hcc_escalation_index (service_id, dossier_code, key, kind, step, agency, due_at, fired_at, repeat)
        SELECT NEW.serviceid, s ->> 'code', e ->> 'key', e ->> 'kind', coalesce(e ->> 'step', 'none'), coalesce(e ->> 'agency', ''),
               (e ->> 'dueAt')::timestamptz, (e ->> 'firedAt')::timestamptz, coalesce((e ->> 'repeat')::integer, 0)
        FROM jsonb_array_elements(s -> 'escalations') e
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER hcc_dossier_index
    AFTER INSERT OR UPDATE OF payloadbinary ON orleansstorage
    FOR EACH ROW WHEN (NEW.graintypestring = 'dossier')
    EXECUTE FUNCTION hcc_index_dossier();
