package org.dyad.views.query;

import java.time.Instant;
import java.time.LocalDate;

/** Fetch one deal with its history and every value claimed for it, as of a date and as known at an instant. */
public record FetchDeal(String dealId, LocalDate asOf, Instant knownAt) {
}
