-- How many commits have changed the views: an answer computed from them holds until the next one.
CREATE TABLE view_change (
    only_row BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    changes  BIGINT  NOT NULL
);
INSERT INTO view_change (only_row, changes) VALUES (true, 0);
