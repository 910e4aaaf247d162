package org.dyad.ledger.web;

import org.dyad.ledger.LedgerConfiguration;
import org.dyad.ledger.RuleViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Checks references between records (a deal superseded by another deal, a statement about an agreement). */
@Component
class RecordDirectory {

    private final JdbcTemplate jdbc;

    RecordDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where records of each type that a reference may name are created. */
    private static final java.util.Map<String, String> COLLECTIONS = java.util.Map.of("Deal", "/api/v1/deals",
            "Agreement", "/api/v1/agreements", "Embargo", "/api/v1/embargoes");

    /**
     * Requires that {@code id} names an existing record of the given aggregate type ("Deal", "Agreement"): one on
     * record, or one an earlier command of the batch being recorded creates.
     */
    void requireExisting(String field, String id, String type) {
        if (id == null) {
            return;
        }
        RecordingBatch batch = RecordingBatch.current();
        if (batch != null && batch.created(id, COLLECTIONS.get(type))) {
            return;
        }
        String found = jdbc.query("SELECT type FROM " + LedgerConfiguration.SCHEMA + ".domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = 0", rs -> rs.next() ? rs.getString(1) : null, id);
        if (!type.equals(found)) {
            throw new RuleViolationException(field, "no " + type.toLowerCase() + " '" + id + "' is on record");
        }
    }
}
