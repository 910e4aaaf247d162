package org.dyad.views.query;

import java.time.Instant;
import java.time.LocalDate;

/** Fetch an actor's profile: as supplier and as recipient, top partners, open deals, agreements in force. */
public record FetchActorProfile(String actor, LocalDate asOf, Instant knownAt) {
}
