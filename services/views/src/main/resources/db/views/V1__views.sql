-- Read models built from the event topic. Every table can be rebuilt from the topic or the event store.

-- Idempotence: the last event applied per aggregate. An event whose sequence is not above it is a duplicate.
CREATE TABLE applied_version (
    aggregate_id TEXT        PRIMARY KEY,
    version      BIGINT      NOT NULL,
    position     BIGINT      NOT NULL,
    applied_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE agreement (
    agreement_id       TEXT        PRIMARY KEY,
    title              TEXT        NOT NULL,
    kind               TEXT        NOT NULL,
    subjects           JSONB       NOT NULL,
    signed_on          TEXT        NOT NULL,
    signed_on_earliest DATE        NOT NULL,
    place              TEXT,
    version            BIGINT      NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE agreement_party (
    agreement_id TEXT NOT NULL REFERENCES agreement (agreement_id),
    party        TEXT NOT NULL,
    status       TEXT NOT NULL,
    PRIMARY KEY (agreement_id, party)
);
CREATE INDEX agreement_party_by_party ON agreement_party (party, agreement_id);

CREATE TABLE deal (
    deal_id              TEXT        PRIMARY KEY,
    supplier             TEXT        NOT NULL,
    recipient            TEXT        NOT NULL,
    stage                TEXT        NOT NULL,
    pending              BOOLEAN     NOT NULL,
    items                JSONB       NOT NULL,
    reported_on          TEXT        NOT NULL,
    reported_on_earliest DATE        NOT NULL,
    version              BIGINT      NOT NULL,
    recorded_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX deal_by_pair ON deal (supplier, recipient);
CREATE INDEX deal_by_recipient ON deal (recipient);
CREATE INDEX deal_pending ON deal (pending, reported_on_earliest DESC);

-- Every source behind a deal or agreement, one row per recording event.
CREATE TABLE record_source (
    aggregate_id TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    source       JSONB       NOT NULL,
    source_key   TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (aggregate_id, event_id)
);

-- Value estimates are claims: all kept, side by side, each with its source.
CREATE TABLE deal_estimate (
    event_id    TEXT        PRIMARY KEY,
    deal_id     TEXT        NOT NULL REFERENCES deal (deal_id),
    estimate    JSONB       NOT NULL,
    currency    TEXT        NOT NULL,
    basis       TEXT        NOT NULL,
    low         NUMERIC     NOT NULL,
    high        NUMERIC     NOT NULL,
    source      JSONB       NOT NULL,
    source_key  TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    position    BIGINT      NOT NULL
);
CREATE INDEX deal_estimate_by_deal ON deal_estimate (deal_id, source_key, position DESC);

-- One row per unordered pair of actors (party_a < party_b) with what is on record between them.
CREATE TABLE relationship (
    party_a        TEXT NOT NULL,
    party_b        TEXT NOT NULL,
    agreements     INT  NOT NULL DEFAULT 0,
    deals          INT  NOT NULL DEFAULT 0,
    first_event_on TEXT NOT NULL,
    first_event_earliest DATE NOT NULL,
    last_event_on  TEXT NOT NULL,
    last_event_earliest DATE NOT NULL,
    PRIMARY KEY (party_a, party_b)
);
CREATE INDEX relationship_by_b ON relationship (party_b);

-- Records that could not be read (bad JSON, unknown type): parked with the reason, never blocking the views.
CREATE TABLE dead_letter (
    id          BIGSERIAL   PRIMARY KEY,
    topic       TEXT        NOT NULL,
    partition   INT         NOT NULL,
    record_offset BIGINT    NOT NULL,
    record_key  TEXT,
    headers     JSONB       NOT NULL,
    value       BYTEA,
    reason      TEXT        NOT NULL,
    parked_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (topic, partition, record_offset)
);
