-- The group-commit storage sends a batch's state rows, the rows derived from them (the dossier index) and its commit
-- in one round trip (docs/decisions/0021). Derived rows must follow only the states that were stored, and the batch's
-- derived rows are built before PostgreSQL has said which writes took. So a batch whose state write finds that one of
-- its states lost its version check (another activation wrote first) stops here, before any derived row is written,
-- and the storage writes that batch again step by step, deriving rows only from the states that took.
CREATE FUNCTION hcc_every_write_took(took bigint, asked integer) RETURNS boolean
    LANGUAGE plpgsql
    AS $fn$
BEGIN
    IF took < asked THEN
        RAISE EXCEPTION 'A state write of this batch lost its version check (% of % took); the batch is written again step by step.', took, asked
            USING ERRCODE = 'HC409';
    END IF;
    RETURN true;
END
$fn$;
