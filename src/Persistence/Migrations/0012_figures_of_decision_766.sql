-- Decision 766's figures need more of each dossier than its status: how its payment was made (the online payment
-- rate) and its rating's Art. 33(1) items (satisfaction per item). They are kept in one jsonb column, null for the
-- dossiers that add nothing. Every stored dossier is queued once, so that rows indexed before this migration learn
-- their payments.
ALTER TABLE hcc_dossier_index ADD COLUMN figures jsonb NULL;

INSERT INTO hcc_index_queue (service_id, code, grainidhash, graintypehash, grainidn0, grainidn1)
SELECT serviceid, grainidextensionstring, grainidhash, graintypehash, grainidn0, grainidn1
FROM orleansstorage WHERE graintypestring = 'dossier' AND payloadbinary IS NOT NULL;
