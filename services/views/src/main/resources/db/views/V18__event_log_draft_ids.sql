-- The intake draft whose accepted proposal recorded the event (the CloudEvents extension dyaddraftid); NULL for
-- events recorded by commands written by hand.
ALTER TABLE event_log ADD COLUMN draft_id TEXT;
