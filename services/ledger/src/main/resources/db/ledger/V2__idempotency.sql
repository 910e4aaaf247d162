-- Answers to commands sent with an Idempotency-Key, kept so that a retry gets the first answer and writes nothing.
-- A row is written in the same transaction as the command's events: both exist or neither does.
CREATE TABLE idempotency_record (
    principal    VARCHAR(255) NOT NULL,
    key          VARCHAR(255) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    status       INT,
    location     TEXT,
    etag         TEXT,
    body         TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, key)
);
