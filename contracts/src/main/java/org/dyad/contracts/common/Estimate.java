package org.dyad.contracts.common;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.wire.Described;

import java.math.BigDecimal;

/**
 * A value claimed by a source: either one {@code amount} or a {@code low}–{@code high} range, in a currency (ISO 4217,
 * historic codes such as DEM or SUR accepted; "TIV" for trend-indicator values), qualified ("could reach $7 billion").
 */
@AmountOrRange
@Described("A value claimed by a source: either `amount`, or `low` and `high`, in `currency` (ISO 4217, historic "
        + "codes such as DEM accepted; `TIV` for SIPRI trend-indicator values).")
public record Estimate(
        @DecimalMin("0") BigDecimal amount,
        @DecimalMin("0") BigDecimal low,
        @DecimalMin("0") BigDecimal high,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code") @CurrencyCode
        String currency,
        @NotNull EstimateQualifier qualifier,
        @Min(1900) @Max(2100) Integer priceYear,
        ValueBasis basis,
        @Size(max = 500) String scope) {

    public Estimate {
        if (basis == null) {
            basis = "TIV".equals(currency) ? ValueBasis.TIV : ValueBasis.CURRENT;
        }
    }

    /** Lower bound for totals: the range's low end, or the amount itself. */
    public BigDecimal lowerBound() {
        return amount != null ? amount : low;
    }

    /** Upper bound for totals: the range's high end, or the amount itself. */
    public BigDecimal upperBound() {
        return amount != null ? amount : high;
    }
}
