-- A deal's state for each span of valid time between the valid dates of its facts, with what is known now: an
-- "as of" answer reads the span holding its date instead of folding the deal's events again, and the span without
-- an end is the present. valid_from null: from the beginning; valid_until (exclusive) null: from then on.
-- Filled by the views as they apply events; deals stored before this table existed are filled at start.
CREATE TABLE deal_state (
    deal_id           TEXT    NOT NULL REFERENCES deal (deal_id) ON DELETE CASCADE,
    valid_from        DATE,
    valid_until       DATE,
    supplier          TEXT    NOT NULL,
    recipient         TEXT    NOT NULL,
    -- the stage while the deal is active, else its status (CANCELLED, SUSPENDED, SUPERSEDED)
    standing          TEXT    NOT NULL,
    pending           BOOLEAN NOT NULL,
    reported_from     DATE    NOT NULL,
    -- first and last valid dates of its facts as written ("~" dropped), as the summary's firstValidOn/lastValidOn
    first_valid_on    TEXT,
    last_valid_on     TEXT,
    -- its most recently recorded estimate, for totals per currency and basis
    estimate_currency TEXT,
    estimate_basis    TEXT,
    estimate_low      NUMERIC,
    estimate_high     NUMERIC,
    summary           JSON    NOT NULL
);
CREATE INDEX deal_state_by_deal ON deal_state (deal_id, valid_from);
CREATE INDEX deal_state_by_pair ON deal_state (supplier, recipient, reported_from, deal_id);
