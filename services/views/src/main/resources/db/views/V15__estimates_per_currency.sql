-- Each deal's latest estimate per currency and basis, for totals that count a deal in every currency it has a value
-- in, and for value sorts and filters scoped to one currency (deals are never compared across currencies or TIV).
--   estimates:          [{"currency", "basis", "low", "high"}], the latest estimate in each currency and basis
--   values_by_currency: {"USD": {"low", "high"}}, the latest estimate in each currency, whatever its basis
-- "Latest": of the sources' latest estimates (the document's latestEstimates), the most recently recorded.
ALTER TABLE deal ADD COLUMN estimates JSONB NOT NULL DEFAULT '[]';
ALTER TABLE deal ADD COLUMN values_by_currency JSONB NOT NULL DEFAULT '{}';
ALTER TABLE deal_state ADD COLUMN estimates JSONB NOT NULL DEFAULT '[]';

-- Rows stored before: filled from their documents, as the views write them. The helper functions live in this
-- session only and are dropped at the end: a rebuild migrates another schema over a pooled connection.
CREATE OR REPLACE FUNCTION pg_temp.latest_estimates(latest JSON) RETURNS JSONB LANGUAGE SQL AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object('currency', currency, 'basis', basis, 'low', low, 'high', high)
                              ORDER BY currency COLLATE "C", basis COLLATE "C"), '[]')
    FROM (SELECT DISTINCT ON (currency, basis) currency, basis, low, high
          FROM (SELECT e -> 'estimate' ->> 'currency' AS currency,
                       coalesce(e -> 'estimate' ->> 'basis',
                                CASE WHEN e -> 'estimate' ->> 'currency' = 'TIV' THEN 'TIV' ELSE 'CURRENT' END) AS basis,
                       CAST(coalesce(e -> 'estimate' ->> 'amount', e -> 'estimate' ->> 'low') AS NUMERIC) AS low,
                       CAST(coalesce(e -> 'estimate' ->> 'amount', e -> 'estimate' ->> 'high') AS NUMERIC) AS high,
                       e -> 'provenance' ->> 'recordedAt' AS recorded_at, n
                FROM json_array_elements(latest) WITH ORDINALITY AS x(e, n)) claims
          ORDER BY currency, basis, recorded_at DESC, n) per_basis
$$;

CREATE OR REPLACE FUNCTION pg_temp.values_by_currency(latest JSON) RETURNS JSONB LANGUAGE SQL AS $$
    SELECT coalesce(jsonb_object_agg(currency, jsonb_build_object('low', low, 'high', high)), '{}')
    FROM (SELECT DISTINCT ON (currency) currency, low, high
          FROM (SELECT e -> 'estimate' ->> 'currency' AS currency,
                       CAST(coalesce(e -> 'estimate' ->> 'amount', e -> 'estimate' ->> 'low') AS NUMERIC) AS low,
                       CAST(coalesce(e -> 'estimate' ->> 'amount', e -> 'estimate' ->> 'high') AS NUMERIC) AS high,
                       e -> 'provenance' ->> 'recordedAt' AS recorded_at, n
                FROM json_array_elements(latest) WITH ORDINALITY AS x(e, n)) claims
          ORDER BY currency, recorded_at DESC, n) per_currency
$$;

UPDATE deal SET estimates = pg_temp.latest_estimates(doc -> 'latestEstimates'),
                values_by_currency = pg_temp.values_by_currency(doc -> 'latestEstimates')
WHERE json_typeof(doc -> 'latestEstimates') = 'array';
UPDATE deal_state SET estimates = pg_temp.latest_estimates(summary -> 'latestEstimates')
WHERE json_typeof(summary -> 'latestEstimates') = 'array';

DROP FUNCTION pg_temp.latest_estimates(JSON);
DROP FUNCTION pg_temp.values_by_currency(JSON);
