-- A pair's own records are found by the equality of their actor set (event_log_by_pair), which the views store sorted
-- in code-point order. Rows stored before that are sorted and stripped of repeats here; the rest are left alone.
UPDATE event_log SET parties = ARRAY(SELECT DISTINCT actor COLLATE "C" FROM unnest(parties) AS actor ORDER BY 1)
WHERE parties IS NOT NULL
  AND parties IS DISTINCT FROM ARRAY(SELECT DISTINCT actor COLLATE "C" FROM unnest(parties) AS actor ORDER BY 1);
