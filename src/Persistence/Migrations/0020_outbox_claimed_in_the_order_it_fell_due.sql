-- The delivery loop claims the messages due in the order they fell due and stops once it has a batch: this index gives
-- it that order among the messages still to deliver, so that a claim reads about as many rows as it takes, not the
-- whole queue (before, every claim ranked the first message of every dossier and destination still waiting).
CREATE INDEX ix_hcc_outbox_due ON hcc_outbox (next_attempt_at)
    WHERE delivered_at IS NULL AND failed_at IS NULL AND channel IS NOT NULL;
