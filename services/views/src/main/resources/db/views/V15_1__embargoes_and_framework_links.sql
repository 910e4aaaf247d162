-- Embargoes and sanctions: one row per embargo with its document, and its actors by role (the imposer and each
-- target), so that an actor's embargoes and those between a pair are found by index.
CREATE TABLE embargo (
    embargo_id  TEXT   PRIMARY KEY,
    imposed_by  TEXT   NOT NULL,
    from_date   DATE   NOT NULL,
    first_valid DATE,
    last_valid  DATE,
    version     BIGINT NOT NULL,
    doc         JSON   NOT NULL
);

CREATE TABLE embargo_actor (
    embargo_id TEXT NOT NULL REFERENCES embargo (embargo_id) ON DELETE CASCADE,
    actor      TEXT NOT NULL,
    role       TEXT NOT NULL,
    PRIMARY KEY (embargo_id, actor)
);
CREATE INDEX embargo_actor_by_actor ON embargo_actor (actor, embargo_id);

-- The deals that link to a framework agreement, found from the agreement's side (its implementing deals).
CREATE INDEX event_log_framework_links ON event_log ((payload ->> 'agreementId'))
    WHERE type = 'FrameworkAgreementLinked';
