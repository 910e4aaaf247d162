package org.dyad.views.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.ResponseEntity;

/** Marks whether a view answer includes the writes the client asked to wait for, and a record's version. */
final class ViewResponses {

    /** {@code true} when every {@code waitFor} token was reached, {@code false} when the wait timed out. */
    static final String CONSISTENT = "Dyad-Consistent";

    private ViewResponses() {
    }

    static <T> ResponseEntity<T> ok(T body, boolean consistent) {
        return ResponseEntity.ok().header(CONSISTENT, Boolean.toString(consistent)).body(body);
    }

    /** A single record: its version is the ETag that a write's {@code If-Match} compares with. */
    static ResponseEntity<ObjectNode> versioned(ObjectNode record, boolean consistent) {
        return ResponseEntity.ok().header(CONSISTENT, Boolean.toString(consistent))
                .eTag("\"" + record.path("version").asLong() + "\"").body(record);
    }
}
