-- A deal's document without its history, for lists and relationships (the history is most of a document's size and
-- is answered with the deal alone), with the first and last valid dates of its facts ("~" dropped).
ALTER TABLE deal ADD COLUMN summary JSON;

UPDATE deal SET summary = CAST((CAST(doc AS JSONB) - 'history') || jsonb_build_object(
    'firstValidOn', (SELECT min(replace(h ->> 'validOn', '~', '') COLLATE "C")
                     FROM json_array_elements(doc -> 'history') AS h),
    'lastValidOn', (SELECT max(replace(h ->> 'validOn', '~', '') COLLATE "C")
                    FROM json_array_elements(doc -> 'history') AS h)) AS JSON);

ALTER TABLE deal ALTER COLUMN summary SET NOT NULL;
