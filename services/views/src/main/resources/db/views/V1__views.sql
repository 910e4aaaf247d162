-- Read models built from the event topic. Every table can be rebuilt from the topic or the event store.

-- Idempotence: the last event applied per record. An event whose sequence is not above it is a duplicate.
CREATE TABLE applied_version (
    aggregate_id TEXT        PRIMARY KEY,
    version      BIGINT      NOT NULL,
    position     BIGINT      NOT NULL,
    applied_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every event, as received: the source of every "as of" / "known at" answer and of timelines.
-- valid_from is the first day the fact may have happened; parties are the actors of its record.
CREATE TABLE event_log (
    -- the order in which the views received the events: the live feed's cursor (Last-Event-ID)
    seq            BIGSERIAL   UNIQUE,
    event_id       TEXT        PRIMARY KEY,
    position       BIGINT      NOT NULL,
    aggregate_id   TEXT        NOT NULL,
    aggregate_type TEXT        NOT NULL,
    sequence       BIGINT      NOT NULL,
    type           TEXT        NOT NULL,
    valid_on       TEXT,
    valid_from     DATE,
    recorded_at    TIMESTAMPTZ NOT NULL,
    parties        TEXT[],
    -- the audit of the request that recorded it
    client         TEXT,
    correlation_id TEXT,
    payload        JSONB       NOT NULL,
    UNIQUE (aggregate_id, sequence)
);
CREATE INDEX event_log_by_parties ON event_log USING GIN (parties);
CREATE INDEX event_log_by_valid_from ON event_log (valid_from);

-- Current state of each record as a JSON document (json, not jsonb, to keep its field order), with the columns
-- queries filter and sort on.
CREATE TABLE deal (
    deal_id       TEXT    PRIMARY KEY,
    supplier      TEXT    NOT NULL,
    recipient     TEXT    NOT NULL,
    stage         TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    pending       BOOLEAN NOT NULL,
    reported_from DATE    NOT NULL,
    superseded_by TEXT,
    -- for filters: item categories (SIPRI and UN Register), designations and descriptions in lower case, and the
    -- most recently recorded estimate
    categories    TEXT[]  NOT NULL,
    designations  TEXT    NOT NULL,
    value_currency TEXT,
    value_low     NUMERIC,
    value_high    NUMERIC,
    sources       INT     NOT NULL,
    -- first and last valid dates of the record's facts, for the relationship's span
    first_valid   DATE,
    last_valid    DATE,
    version       BIGINT  NOT NULL,
    doc           JSON    NOT NULL
);
CREATE INDEX deal_by_pair ON deal (supplier, recipient);
CREATE INDEX deal_by_recipient ON deal (recipient);
CREATE INDEX deal_pending ON deal (pending, reported_from DESC);
CREATE INDEX deal_by_superseded_by ON deal (superseded_by);
CREATE INDEX deal_by_categories ON deal USING GIN (categories);

CREATE TABLE agreement (
    agreement_id TEXT   PRIMARY KEY,
    kind         TEXT   NOT NULL,
    subjects     TEXT[] NOT NULL,
    status       TEXT   NOT NULL,
    signed_from  DATE   NOT NULL,
    -- the next date on which the agreement's status changes by itself (a withdrawal taking effect, an expiry)
    review_on    DATE,
    first_valid  DATE,
    last_valid   DATE,
    version      BIGINT NOT NULL,
    doc          JSON   NOT NULL
);

-- Who an agreement involves: its parties (with their status) and the actors it concerns.
CREATE TABLE agreement_actor (
    agreement_id TEXT NOT NULL REFERENCES agreement (agreement_id) ON DELETE CASCADE,
    actor        TEXT NOT NULL,
    role         TEXT NOT NULL,
    status       TEXT,
    PRIMARY KEY (agreement_id, actor)
);
CREATE INDEX agreement_actor_by_actor ON agreement_actor (actor, agreement_id);

CREATE TABLE statement (
    statement_id TEXT   PRIMARY KEY,
    speaker      TEXT   NOT NULL,
    made_from    DATE   NOT NULL,
    first_valid  DATE,
    last_valid   DATE,
    version      BIGINT NOT NULL,
    doc          JSON   NOT NULL
);

CREATE TABLE statement_actor (
    statement_id TEXT NOT NULL REFERENCES statement (statement_id) ON DELETE CASCADE,
    actor        TEXT NOT NULL,
    PRIMARY KEY (statement_id, actor)
);
CREATE INDEX statement_actor_by_actor ON statement_actor (actor, statement_id);

-- One row per unordered pair of actors (party_a < party_b): what is on record between them.
CREATE TABLE relationship (
    party_a        TEXT NOT NULL,
    party_b        TEXT NOT NULL,
    agreements     INT  NOT NULL,
    deals          INT  NOT NULL,
    statements     INT  NOT NULL,
    first_event_on DATE,
    last_event_on  DATE,
    PRIMARY KEY (party_a, party_b)
);
CREATE INDEX relationship_by_b ON relationship (party_b);

-- Records that could not be read (bad JSON, unknown type): parked with the reason, never blocking the views.
CREATE TABLE dead_letter (
    id            BIGSERIAL   PRIMARY KEY,
    topic         TEXT        NOT NULL,
    partition     INT         NOT NULL,
    record_offset BIGINT      NOT NULL,
    record_key    TEXT,
    headers       JSONB       NOT NULL,
    value         BYTEA,
    reason        TEXT        NOT NULL,
    parked_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (topic, partition, record_offset)
);
