-- Named people: the index learns who a dossier's appraisal is given to (the "my work" queue and the assignee filter
-- read it) and who ended each step, when, with the lateness shared to it (the per-person figures). Every stored
-- dossier is queued once, so that rows indexed before this migration learn their steps' handlers from their logs.
ALTER TABLE hcc_dossier_index
    ADD COLUMN assignee text  NULL,
    ADD COLUMN handlers jsonb NOT NULL DEFAULT '[]'::jsonb;

CREATE INDEX ix_hcc_dossier_index_assignee ON hcc_dossier_index (service_id, assignee) WHERE assignee IS NOT NULL;

INSERT INTO hcc_index_queue (service_id, code, grainidhash, graintypehash, grainidn0, grainidn1)
SELECT serviceid, grainidextensionstring, grainidhash, graintypehash, grainidn0, grainidn1
FROM orleansstorage WHERE graintypestring = 'dossier' AND payloadbinary IS NOT NULL;
