-- Messages that leave the engine: the citizen's notices on their channel and the portal's status changes. A row with a
-- channel is delivered by the outbox's delivery loop: in version order per dossier and destination, only once the
-- dossier's index shows that version stored, retried with backoff (attempts, the next attempt, the last error) under a
-- short lease so that two silos never send the same row at once, and marked delivered or, after its last attempt,
-- failed. A staff notice (no channel) is delivered by being written: the pages show it.
ALTER TABLE hcc_outbox
    ADD COLUMN channel         text        NULL,
    ADD COLUMN address         text        NULL,
    ADD COLUMN subject         text        NULL,
    ADD COLUMN version         bigint      NULL,
    ADD COLUMN attempts        integer     NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz NULL,
    ADD COLUMN lease_until     timestamptz NULL,
    ADD COLUMN last_error      text        NULL,
    ADD COLUMN failed_at       timestamptz NULL;

UPDATE hcc_outbox SET delivered_at = created_at WHERE delivered_at IS NULL;

CREATE INDEX ix_hcc_outbox_to_deliver ON hcc_outbox (dossier_code, recipient_role, version)
    WHERE delivered_at IS NULL AND failed_at IS NULL AND channel IS NOT NULL;
