package org.dyad.views.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Fetch every event involving all the given actors, in valid-time order, with its source.
 *
 * @param from  first valid date (inclusive); none when absent
 * @param to    last valid date (inclusive); none when absent
 * @param types event types such as {@code SaleReported}; all when empty
 */
public record FetchTimeline(List<String> parties, LocalDate from, LocalDate to, List<String> types, int page,
                            int size, Instant knownAt) {
}
