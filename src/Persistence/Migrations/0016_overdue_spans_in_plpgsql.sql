-- The overdue spans of 0015 are a stored generated column, worked out on every write of an index row (twice in an
-- upsert: for the row proposed and for the row updated). As a SQL function with a subquery it could not be inlined,
-- and each call ran a query of its own, window function included (docs/decisions/0019, "What it costs"). The same rule
-- as a loop over the history, from its last change back, costs a fraction of that. What it answers is unchanged, so
-- the spans already stored stay as they are.
CREATE OR REPLACE FUNCTION hcc_overdue_spans(due_history jsonb, status text, due_at timestamptz) RETURNS tstzmultirange
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    AS $fn$
DECLARE
    changes  integer := jsonb_array_length(due_history);
    spans    tstzmultirange := '{}';
    -- The earliest instant at which a later change was made: where the change in force now is replaced.
    replaced timestamptz;
    change   jsonb;
    made     timestamptz;
    due      timestamptz;
    overdue  timestamptz;
BEGIN
    IF changes = 0 THEN
        IF status NOT IN ('supplement-requested', 'awaiting-payment') AND due_at IS NOT NULL THEN
            RETURN tstzmultirange(tstzrange(due_at + interval '1 microsecond', NULL));
        END IF;
        RETURN spans;
    END IF;

    FOR i IN REVERSE changes - 1 .. 0 LOOP
        change := due_history -> i;
        made := (change ->> 'at')::timestamptz;
        due := (change ->> 'dueAt')::timestamptz;
        IF due IS NOT NULL THEN
            -- The first change is in force before any was made.
            overdue := greatest(CASE WHEN i = 0 THEN '-infinity'::timestamptz ELSE made END, due + interval '1 microsecond');
            IF replaced IS NULL OR overdue < replaced THEN
                spans := spans + tstzmultirange(tstzrange(overdue, replaced));
            END IF;
        END IF;

        replaced := least(replaced, made);
    END LOOP;

    RETURN spans;
END
$fn$;
