-- Reports are aggregated in the database (Persistence/Queries/PostgresPeriodFacts.cs) instead of loading every dossier
-- received before a period's end. A period counts a dossier received before it only if something the figures read
-- happened to it in the period or it is still open; settled_at says when the last such thing happened once its
-- handling has ended (null while it goes on), so that a period reads the dossiers received in it and those settled in
-- or after it, and not the years before. Its index is written only when the value changes (at the end, a rating or a
-- payment): other updates stay HOT. Every stored dossier is queued once, so that rows indexed before this migration
-- learn it; until then a null keeps them in every period, which is slower but never wrong.
ALTER TABLE hcc_dossier_index ADD COLUMN settled_at timestamptz NULL;

CREATE INDEX ix_hcc_dossier_index_settled ON hcc_dossier_index (service_id, settled_at);

-- The ratings of a period (Decision 766's items) are read through their own instant; a dossier is rated once.
CREATE INDEX ix_hcc_dossier_index_rated ON hcc_dossier_index (service_id, rated_at) WHERE rated_at IS NOT NULL;

INSERT INTO hcc_index_queue (service_id, code, grainidhash, graintypehash, grainidn0, grainidn1)
SELECT serviceid, grainidextensionstring, grainidhash, graintypehash, grainidn0, grainidn1
FROM orleansstorage WHERE graintypestring = 'dossier' AND payloadbinary IS NOT NULL;
