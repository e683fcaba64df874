-- Group commit (docs/decisions/0007): the group-commit storage writes a dossier's index rows in the transaction that
-- stores the dossier, and says so with the transaction setting hcc.indexed_by_writer; the trigger then has nothing to
-- queue. With the ADO.NET provider the trigger queues as before, and the IndexPump indexes the queue with the same
-- C# mapping (DossierIndexProjection), so the SQL mapping of migrations 0006 and 0007 goes.
CREATE OR REPLACE FUNCTION hcc_enqueue_dossier() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF current_setting('hcc.indexed_by_writer', true) = 'on' THEN
        RETURN NULL;
    END IF;
    INSERT INTO hcc_index_queue (service_id, code, grainidhash, graintypehash, grainidn0, grainidn1)
    VALUES (NEW.serviceid, NEW.grainidextensionstring, NEW.grainidhash, NEW.graintypehash, NEW.grainidn0, NEW.grainidn1);
    RETURN NULL;
END
$fn$;

DROP FUNCTION hcc_index_refresh(integer);
DROP FUNCTION hcc_timespan_hours(text);
