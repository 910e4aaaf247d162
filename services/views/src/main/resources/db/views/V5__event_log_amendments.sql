-- Corrections and retractions by the event they amend, so a timeline marks its entries without scanning the whole
-- event log for amendments (the log grows with every event; amendments are few).
CREATE INDEX event_log_corrections ON event_log ((payload ->> 'correctedEventId')) WHERE type = 'RecordCorrected';
CREATE INDEX event_log_retractions ON event_log ((payload ->> 'retractedEventId')) WHERE type = 'RecordRetracted';
