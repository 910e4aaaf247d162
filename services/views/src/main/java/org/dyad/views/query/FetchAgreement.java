package org.dyad.views.query;

import java.time.Instant;
import java.time.LocalDate;

/** Fetch one agreement with the status of each party, as of a date and as known at an instant (both optional). */
public record FetchAgreement(String agreementId, LocalDate asOf, Instant knownAt) {
}
