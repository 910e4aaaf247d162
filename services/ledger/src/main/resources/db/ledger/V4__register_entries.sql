-- The releases of the SIPRI register on record and the deals they list, written in the same transaction as the
-- commands that record them: an import matches a release's rows against these entries rather than replaying deals.
CREATE TABLE register_release (
    release_id  VARCHAR(64) PRIMARY KEY,
    released_on DATE        NOT NULL
);

CREATE TABLE register_entry (
    deal_id         VARCHAR(64)  PRIMARY KEY,
    recipient       VARCHAR(64)  NOT NULL,
    supplier        VARCHAR(64)  NOT NULL,
    order_year      INT,
    designation_key TEXT         NOT NULL,
    written         JSONB        NOT NULL,
    last_release_id VARCHAR(64)  NOT NULL,
    dropped_in      VARCHAR(64)
);
CREATE INDEX register_entry_by_pair ON register_entry (supplier, recipient);

ALTER TABLE import_job
    ADD COLUMN revised    INT NOT NULL DEFAULT 0,
    ADD COLUMN dropped    INT NOT NULL DEFAULT 0,
    ADD COLUMN ambiguous  INT NOT NULL DEFAULT 0,
    ADD COLUMN release_id VARCHAR(64);

-- A dropped deal is reported without a line: the release no longer lists it.
ALTER TABLE import_row DROP CONSTRAINT import_row_pkey;
ALTER TABLE import_row ALTER COLUMN line DROP NOT NULL;
CREATE UNIQUE INDEX import_row_by_line ON import_row (job_id, line) WHERE line IS NOT NULL;
CREATE UNIQUE INDEX import_row_dropped ON import_row (job_id, deal_id) WHERE line IS NULL;
