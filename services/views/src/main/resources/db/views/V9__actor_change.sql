-- How many commits have changed records naming each actor: an answer about an actor or a pair holds until one of
-- its actors' counts moves, whatever happens to other actors' records.
CREATE TABLE actor_change (
    actor   TEXT   PRIMARY KEY,
    changes BIGINT NOT NULL
);
