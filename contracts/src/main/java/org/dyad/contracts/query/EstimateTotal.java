package org.dyad.contracts.query;

import org.dyad.contracts.common.ValueBasis;

import java.math.BigDecimal;

/**
 * The sum of the latest estimates of a set of deals in one currency and basis. {@code low} adds ranges' low ends,
 * {@code high} their high ends; a single amount counts in both. Currencies and bases are never mixed.
 */
public record EstimateTotal(String currency, ValueBasis basis, int deals, BigDecimal low, BigDecimal high) {
}
