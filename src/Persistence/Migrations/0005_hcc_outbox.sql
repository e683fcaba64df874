-- The notification outbox: what the engine has told whom. The id is deterministic per dossier,
-- escalation occurrence and recipient, so a repeated send after a crash or failover is dropped.
CREATE TABLE hcc_outbox (
    id             text        NOT NULL PRIMARY KEY,
    dossier_code   text        NOT NULL,
    kind           text        NOT NULL,
    recipient_role text        NOT NULL,
    agency         text        NOT NULL,
    due_at         timestamptz NOT NULL,
    fired_at       timestamptz NOT NULL,
    repeat         integer     NOT NULL,
    message        text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    delivered_at   timestamptz NULL
);

CREATE INDEX ix_hcc_outbox_dossier ON hcc_outbox (dossier_code);
CREATE INDEX ix_hcc_outbox_undelivered ON hcc_outbox (created_at) WHERE delivered_at IS NULL;
