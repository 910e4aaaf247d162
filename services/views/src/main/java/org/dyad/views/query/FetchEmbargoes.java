package org.dyad.views.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Fetch a page of embargoes: those naming {@code actor} (as {@code role}, IMPOSER or TARGET, when given), with the
 * given status on {@code asOf} (today when absent), as known at an instant. Every filter is optional.
 */
public record FetchEmbargoes(String actor, String role, String status, int page, int size, LocalDate asOf,
                             Instant knownAt) {
}
