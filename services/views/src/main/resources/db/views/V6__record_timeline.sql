-- Each record's actors and the valid dates of its timeline entries (its events with a valid date), in order. A
-- timeline filtered by actors and valid dates only totals its entries from the records that involve its actors,
-- instead of counting the events one by one.
CREATE TABLE record_timeline (
    aggregate_id TEXT   PRIMARY KEY,
    parties      TEXT[] NOT NULL,
    valid_dates  DATE[] NOT NULL
);
CREATE INDEX record_timeline_by_parties ON record_timeline USING GIN (parties);

-- every event of a record carries the record's actors
INSERT INTO record_timeline (aggregate_id, parties, valid_dates)
SELECT r.aggregate_id, coalesce(r.parties, '{}'),
    coalesce((SELECT array_agg(e.valid_from ORDER BY e.valid_from) FROM event_log e
              WHERE e.aggregate_id = r.aggregate_id AND e.valid_from IS NOT NULL), '{}')
FROM (SELECT DISTINCT ON (aggregate_id) aggregate_id, parties FROM event_log ORDER BY aggregate_id, sequence DESC) r;
