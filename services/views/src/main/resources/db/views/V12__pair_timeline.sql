-- A pair's latest timeline entries are read in order from an index instead of sorted from all of the pair's events.
-- A record's actors are stored sorted, so the records naming just the pair are found by equality; the few naming
-- more actors have a GIN index of their own.
CREATE INDEX event_log_by_pair ON event_log (parties, valid_from, position) WHERE cardinality(parties) = 2;
CREATE INDEX event_log_by_many_parties ON event_log USING GIN (parties) WHERE cardinality(parties) > 2;
