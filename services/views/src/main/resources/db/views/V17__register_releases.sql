-- Releases of a published register (SIPRI's trade register) and what each lists. A release is known as published
-- from known_from, the recording time of its first completed import (NULL until one completes): questions asked as
-- of the release are answered as known then.
CREATE TABLE register_release (
    release_id  TEXT        PRIMARY KEY,
    register    TEXT        NOT NULL,
    released_on DATE        NOT NULL,
    known_from  TIMESTAMPTZ,
    version     BIGINT      NOT NULL,
    doc         JSON        NOT NULL
);
CREATE INDEX register_release_by_date ON register_release (released_on);

-- One row per deal and release that names it: the row as that release wrote it (for DROPPED, as last written
-- before), at its line of the imported file, and how the release stated it.
CREATE TABLE register_listing (
    release_id  TEXT  NOT NULL,
    released_on DATE  NOT NULL,
    deal_id     TEXT  NOT NULL,
    line        INT,
    row         JSONB NOT NULL,
    kind        TEXT  NOT NULL CHECK (kind IN ('RECORDED', 'REVISED', 'RESTATED', 'DROPPED')),
    supplier    TEXT  NOT NULL,
    recipient   TEXT  NOT NULL,
    PRIMARY KEY (release_id, deal_id)
);
CREATE INDEX register_listing_by_deal ON register_listing (deal_id);
CREATE INDEX register_listing_by_line ON register_listing (release_id, line);
