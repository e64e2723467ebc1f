-- Outbound webhooks: the seed's `webhooks` table gets a name, a sealed signing secret and an
-- update time; each event for a webhook becomes a delivery (the outbox), and each try to send it
-- an attempt (the delivery log).

ALTER TABLE webhooks ADD COLUMN name TEXT NOT NULL DEFAULT '';
-- Sealed with the vault (`v1:...`), never the plain secret.
ALTER TABLE webhooks ADD COLUMN secret TEXT;
ALTER TABLE webhooks ADD COLUMN updated_at TIMESTAMP;
UPDATE webhooks SET updated_at = created_at WHERE updated_at IS NULL;

CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    -- The event's payload: the `data` of the body sent.
    data JSON NOT NULL,
    -- pending: not tried yet; failed: tried, will be tried again; delivered; dead: given up.
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP,
    last_status_code INTEGER,
    last_error TEXT,
    -- The delivery this one sends again (redeliver).
    redelivery_of TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- What the sender looks for: deliveries still to send, by when they are due.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE status IN ('pending', 'failed');
-- The delivery log of a webhook, newest first.
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, created_at DESC, id DESC);

CREATE TABLE webhook_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    status_code INTEGER,
    duration_ms INTEGER NOT NULL,
    error TEXT,
    -- The first KiB of the response body.
    response_excerpt TEXT
);

CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);
