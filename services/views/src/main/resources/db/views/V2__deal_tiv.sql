-- The deal's most recently recorded SIPRI trend-indicator value (TIV, millions), for the overview's sums: the
-- latest estimate in value_* may be a money value from the comments instead.
ALTER TABLE deal ADD COLUMN tiv NUMERIC;

UPDATE deal SET tiv = (
    SELECT CAST(COALESCE(claim -> 'estimate' ->> 'amount', claim -> 'estimate' ->> 'high') AS NUMERIC)
    FROM json_array_elements(doc -> 'latestEstimates') AS claim
    WHERE claim -> 'estimate' ->> 'currency' = 'TIV'
    ORDER BY claim -> 'provenance' ->> 'recordedAt' DESC
    LIMIT 1);

CREATE INDEX deal_by_reported_from ON deal (reported_from);
