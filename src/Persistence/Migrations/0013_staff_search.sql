-- The staff search box: a dossier found by its official code, its registration number, the applicant's ID number or
-- name typed without accents. The engine writes each dossier's folded search text (DossierSummary.SearchText) into a
-- table of its own, only when it changes (at submission and when the official code is issued), so that the write path
-- of every other transition pays one primary-key probe and no trigram index update. pg_trgm is a trusted extension:
-- the database's owner may create it. Every stored dossier is queued once, so that dossiers stored before this
-- migration are found too.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE hcc_dossier_search (
    service_id  text NOT NULL,
    code        text NOT NULL,
    search_text text NOT NULL,
    PRIMARY KEY (service_id, code)
);

CREATE INDEX ix_hcc_dossier_search_text ON hcc_dossier_search USING gin (search_text gin_trgm_ops);

INSERT INTO hcc_index_queue (service_id, code, grainidhash, graintypehash, grainidn0, grainidn1)
SELECT serviceid, grainidextensionstring, grainidhash, graintypehash, grainidn0, grainidn1
FROM orleansstorage WHERE graintypestring = 'dossier' AND payloadbinary IS NOT NULL;
