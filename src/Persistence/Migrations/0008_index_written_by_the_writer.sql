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

-- The group-commit writer's own dossiers queue nothing: the trigger is not even fired for them.
DROP TRIGGER hcc_dossier_index ON orleansstorage;
CREATE TRIGGER hcc_dossier_index
    AFTER INSERT OR UPDATE OF payloadbinary ON orleansstorage
    FOR EACH ROW WHEN (NEW.graintypestring = 'dossier' AND current_setting('hcc.indexed_by_writer', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION hcc_enqueue_dossier();

-- Every write rewrites a row of a few kilobytes: room on its page lets PostgreSQL keep the new version there without
-- touching the indexes (a HOT update), and rows below the TOAST target are stored as they are, not compressed first.
ALTER TABLE orleansstorage SET (fillfactor = 70, toast_tuple_target = 8160);

-- Rows are found through the unique key (every provider's statements name all its columns); the second index only
-- cost a write per new row.
DROP INDEX ix_orleansstorage;
