-- Import jobs and their per-row report: every row of an imported file is either imported, already present, or
-- listed with its line number and the reason it was not imported.
CREATE TABLE import_job (
    id          VARCHAR(64)  PRIMARY KEY,
    kind        VARCHAR(32)  NOT NULL,
    file_name   TEXT,
    file_sha256 VARCHAR(64)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    rows_total  INT          NOT NULL DEFAULT 0,
    rows_done   INT          NOT NULL DEFAULT 0,
    imported    INT          NOT NULL DEFAULT 0,
    unchanged   INT          NOT NULL DEFAULT 0,
    rejected    INT          NOT NULL DEFAULT 0,
    repaired    INT          NOT NULL DEFAULT 0,
    charset     VARCHAR(32),
    started_by  VARCHAR(255) NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ,
    error       TEXT
);

CREATE TABLE import_row (
    job_id  VARCHAR(64) NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    line    INT         NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    deal_id VARCHAR(64),
    reason  TEXT,
    PRIMARY KEY (job_id, line)
);
CREATE INDEX import_row_by_outcome ON import_row (job_id, outcome, line);
