-- Drafts the intake made from texts, and what an analyst did with them. Drafting records nothing else; an
-- acceptance records the accepted proposals through the command path and keeps here, in the same transaction, the
-- proposals as accepted (with the analyst's edits), the rejected ones, and the record id and version each produced.
CREATE TABLE intake_draft (
    id           VARCHAR(64)  PRIMARY KEY,
    draft        JSONB        NOT NULL,
    text         TEXT         NOT NULL,
    source       JSONB        NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    accepted_by  VARCHAR(255),
    accepted_at  TIMESTAMPTZ,
    -- [{"proposalId", "endpoint", "body", "edited", "recordId", "version", "position"}], in the order recorded
    accepted     JSONB,
    -- ["p3", "p4", …]: the proposals the analyst rejected, kept to measure the intake's precision
    rejected     JSONB
);
CREATE INDEX intake_draft_by_created_at ON intake_draft (created_at);
