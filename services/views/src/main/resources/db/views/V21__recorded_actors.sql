-- Actors recorded beside the shipped reference list, as their ActorRecorded events say. The views read this table at
-- start, so that an instance running apart from the ledger knows every recorded actor; a rebuild writes it again
-- from the events.
CREATE TABLE actor (
    code        TEXT   PRIMARY KEY,
    name        TEXT   NOT NULL,
    kind        TEXT   NOT NULL,
    aliases     TEXT[] NOT NULL,
    valid_from  DATE,
    valid_to    DATE,
    version     BIGINT NOT NULL
);
