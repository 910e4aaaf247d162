package org.dyad.contracts.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Fetch everything between two actors, in either direction; the order of the two does not matter.
 *
 * @param asOf    the state of the world on this date (facts valid by then); today when absent
 * @param knownAt only what Dyad had recorded by this instant; everything recorded when absent
 */
public record FetchRelationship(String partyA, String partyB, LocalDate asOf, Instant knownAt) {
}
