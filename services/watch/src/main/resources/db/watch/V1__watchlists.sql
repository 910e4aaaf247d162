-- Users' watchlists and the alerts the event topic raises for them.

CREATE TABLE watchlist (
    id             uuid PRIMARY KEY,
    owner          text        NOT NULL,
    name           text        NOT NULL,
    criteria       jsonb       NOT NULL,
    webhook_url    text,
    -- the key of the webhook's HMAC signatures; shown to the owner once, when it is made
    webhook_secret text,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX watchlist_owner ON watchlist (owner, created_at);

-- What the watchlists match on and the event does not repeat: each record's kind, actors, designations and
-- categories, its stage or status, and the sequence number of the last of its events read (a redelivered event,
-- at or below it, is passed over).
CREATE TABLE watched_record (
    record_id     text PRIMARY KEY,
    kind          text   NOT NULL,
    supplier      text,
    recipient     text,
    actors        text[] NOT NULL,
    designations  text[] NOT NULL,
    categories    text[] NOT NULL,
    stage         text,
    status        text,
    last_sequence bigint NOT NULL
);

CREATE TABLE alert (
    id           uuid PRIMARY KEY,
    watchlist_id uuid        NOT NULL REFERENCES watchlist (id) ON DELETE CASCADE,
    owner        text        NOT NULL,
    event_id     text        NOT NULL,
    event_type   text        NOT NULL,
    record_id    text        NOT NULL,
    record_kind  text        NOT NULL,
    event_time   timestamptz NOT NULL,
    actors       text[]      NOT NULL,
    summary      text        NOT NULL,
    link         text        NOT NULL,
    raised_at    timestamptz NOT NULL,
    read_at      timestamptz,
    -- when the alerts topic acknowledged it; null while waiting to be published
    published_at timestamptz,
    CONSTRAINT alert_once_per_event UNIQUE (watchlist_id, event_id)
);
CREATE INDEX alert_owner ON alert (owner, raised_at DESC, id);
CREATE INDEX alert_unpublished ON alert (raised_at) WHERE published_at IS NULL;

-- The webhook outbox: one delivery per alert of a watchlist with a webhook, sent by its own thread.
CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY,
    alert_id        uuid        NOT NULL UNIQUE REFERENCES alert (id) ON DELETE CASCADE,
    watchlist_id    uuid        NOT NULL REFERENCES watchlist (id) ON DELETE CASCADE,
    url             text        NOT NULL,
    body            text        NOT NULL,
    -- PENDING (to be sent at next_attempt_at), DELIVERED or FAILED (no attempts left)
    status          text        NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_watchlist ON webhook_delivery (watchlist_id, created_at DESC);

CREATE TABLE webhook_attempt (
    delivery_id uuid        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt     int         NOT NULL,
    at          timestamptz NOT NULL,
    http_status int,
    error       text,
    duration_ms bigint      NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
