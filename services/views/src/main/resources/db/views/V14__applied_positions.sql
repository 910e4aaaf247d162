-- The topic position these views have reached in each partition: the offset of the next record to apply. It is
-- written in the same transaction as the view rows that record changed (a parked record counts as applied), so
-- the views and their positions never disagree, whatever is killed. The subscriber seeks here on start and on
-- every partition assignment; a rebuilt schema brings its own positions when it takes the place of the live one.
CREATE TABLE applied_position (
    topic       text        NOT NULL,
    partition   integer     NOT NULL,
    next_offset bigint      NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition)
);
