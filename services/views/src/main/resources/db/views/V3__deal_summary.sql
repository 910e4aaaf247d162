-- A deal's document without its history, for lists and relationships: the history is most of a document's size
-- and is answered with the deal alone.
ALTER TABLE deal ADD COLUMN summary JSON;

UPDATE deal SET summary = CAST(CAST(doc AS JSONB) - 'history' AS JSON);

ALTER TABLE deal ALTER COLUMN summary SET NOT NULL;
