package org.dyad.views.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Fetch what is ordered and not yet delivered, for a supplier, a recipient or a pair (at least one is given).
 */
public record FetchBacklog(String supplier, String recipient, LocalDate asOf, Instant knownAt) {
}
