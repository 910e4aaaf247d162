package org.dyad.views.query;

import java.time.Instant;
import java.time.LocalDate;

/** Fetch an actor's partners with what is on record between them, most records first. */
public record FetchPartners(String party, int page, int size, LocalDate asOf, Instant knownAt) {
}
