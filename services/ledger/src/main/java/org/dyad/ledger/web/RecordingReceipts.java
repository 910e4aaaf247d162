package org.dyad.ledger.web;

import org.dyad.ledger.LedgerConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.security.Principal;

/** Builds the answer to a recording command from what the event store now holds for the aggregate. */
@Component
class RecordingReceipts {

    private static final String LAST_EVENT = "SELECT sequence_number, global_index FROM " + LedgerConfiguration.SCHEMA
            + ".domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1";

    private final JdbcTemplate jdbc;

    RecordingReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ResponseEntity<RecordedResponse> created(String collection, String id) {
        RecordedResponse receipt = jdbc.queryForObject(LAST_EVENT,
                (rs, n) -> RecordedResponse.of(id, rs.getLong(1), rs.getLong(2)), id);
        return ResponseEntity.created(URI.create(collection + "/" + id))
                .eTag("\"" + receipt.version() + "\"")
                .body(receipt);
    }

    /** Who records: the authenticated principal, or "anonymous". */
    static String recorder(Principal principal) {
        return principal == null ? "anonymous" : principal.getName();
    }
}
