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

    /** Requires that {@code id} names an existing record of the given aggregate type ("Deal", "Agreement"). */
    void requireExisting(String field, String id, String type) {
        if (id == null) {
            return;
        }
        String found = jdbc.query("SELECT type FROM " + LedgerConfiguration.SCHEMA + ".domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = 0", rs -> rs.next() ? rs.getString(1) : null, id);
        if (!type.equals(found)) {
            throw new RuleViolationException(field, "no " + type.toLowerCase() + " '" + id + "' is on record");
        }
    }
}
