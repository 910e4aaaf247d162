package org.dyad.views.web;

import org.springframework.http.ResponseEntity;

/** Marks whether a view answer includes the writes the client asked to wait for. */
final class ViewResponses {

    /** {@code true} when every {@code waitFor} token was reached, {@code false} when the wait timed out. */
    static final String CONSISTENT = "Dyad-Consistent";

    private ViewResponses() {
    }

    static <T> ResponseEntity<T> ok(T body, boolean consistent) {
        return ResponseEntity.ok().header(CONSISTENT, Boolean.toString(consistent)).body(body);
    }
}
