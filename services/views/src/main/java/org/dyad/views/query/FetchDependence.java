package org.dyad.views.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Fetch an actor's dependence on its partners: per window of {@code period} years, each partner's share of the TIV
 * delivered, of the deals ordered and of the units delivered, and the concentration index.
 *
 * @param actor     the actor asked about
 * @param recipient {@code true}: the actor as recipient, its suppliers as partners; {@code false}: the actor as
 *                  supplier, its recipients as partners
 * @param from      the first year, {@code null}: the first year with a delivery or order
 * @param to        the last year, {@code null}: the last year with a delivery or order
 * @param period    years per window
 */
public record FetchDependence(String actor, boolean recipient, Integer from, Integer to, int period, LocalDate asOf,
                              Instant knownAt) {
}
