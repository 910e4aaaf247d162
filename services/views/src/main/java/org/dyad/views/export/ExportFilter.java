package org.dyad.views.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What an export for analysis covers: the filters of {@code GET /api/v1/deals} (status, supplier, recipient,
 * category, designation, value in a currency), years {@code from} and {@code to} (each export says of what), and
 * the two times of every view: {@code asOf} (valid time) and {@code knownAt} (recorded time, also from a release).
 * Each is {@code null} when not asked for.
 */
public record ExportFilter(String status, String supplier, String recipient, String category, String designation,
                           BigDecimal minValue, BigDecimal maxValue, String currency, Integer from, Integer to,
                           LocalDate asOf, Instant knownAt) {

    public static ExportFilter of(String supplier, String recipient, Integer from, Integer to, LocalDate asOf,
                                  Instant knownAt) {
        return new ExportFilter("ALL", supplier, recipient, null, null, null, null, null, from, to, asOf, knownAt);
    }

    boolean inYears(int year) {
        return (from == null || year >= from) && (to == null || year <= to);
    }
}
