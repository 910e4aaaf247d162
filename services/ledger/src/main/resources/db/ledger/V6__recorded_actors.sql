-- Actors recorded beside the shipped reference list (groups and organisations SIPRI names that it does not know),
-- written in the same transaction as the RecordActor command. The primary key allocates codes: two requests that
-- pick the same free code cannot both commit, so the second takes the next one. name_key (the name as the registry
-- compares names) keeps two requests from recording the same name twice. The ledger reads this table at start to
-- know every recorded actor.
CREATE TABLE recorded_actor (
    code        VARCHAR(3)   PRIMARY KEY,
    name_key    TEXT         NOT NULL UNIQUE,
    name        TEXT         NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    aliases     TEXT[]       NOT NULL,
    valid_from  DATE,
    valid_to    DATE,
    belongs_to  VARCHAR(3),
    recorded_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
