package org.dyad.views.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Fetch everything between two actors, in either direction; the order of the two does not matter.
 *
 * @param asOf      the state of the world on this date (facts valid by then); today when absent
 * @param knownAt   only what Dyad had recorded by this instant; everything recorded when absent
 * @param dealsPage which page of the pair's deals to include (earliest report first); counts and totals cover all
 * @param dealsSize how many deals a page holds
 */
public record FetchRelationship(String partyA, String partyB, LocalDate asOf, Instant knownAt, int dealsPage,
                                int dealsSize) {
}
