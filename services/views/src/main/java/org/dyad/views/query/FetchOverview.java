package org.dyad.views.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Fetch the figures of the whole record at a glance: transfers by year (deals, SIPRI TIV, reported US dollar
 * estimates), the largest supplier→recipient flows, deals by stage and agreements by status.
 *
 * @param flows how many of the largest flows to return
 */
public record FetchOverview(LocalDate asOf, Instant knownAt, int flows) {
}
