-- A deal's state (as its summary) for each span of valid time between the valid dates of its facts, with what is
-- known now: an "as of" answer reads the span holding its date instead of folding the deal's events again.
-- valid_from null: from the beginning; valid_until (exclusive) null: from then on. Filled by the views as they
-- apply events; deals stored before this table existed are filled at start.
CREATE TABLE deal_state (
    deal_id     TEXT NOT NULL REFERENCES deal (deal_id) ON DELETE CASCADE,
    valid_from  DATE,
    valid_until DATE,
    summary     JSON NOT NULL
);
CREATE INDEX deal_state_by_deal ON deal_state (deal_id, valid_from);
