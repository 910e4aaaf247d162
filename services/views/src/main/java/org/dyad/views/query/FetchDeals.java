package org.dyad.views.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Fetch deals.
 *
 * @param status      {@code PENDING} (not fully delivered, not cancelled or superseded), {@code ALL}, a stage such as
 *                    {@code CONTRACTED} or a side state such as {@code CANCELLED}
 * @param category    a SIPRI weapon category or a UN Register category
 * @param designation part of a designation or description, any case
 * @param minValue    lowest value of the latest estimate in {@code currency}
 * @param maxValue    highest value of the latest estimate in {@code currency}
 * @param currency    the currency (or {@code TIV}) that values are filtered and sorted in; deals are never compared
 *                    across currencies
 * @param sort        {@code reportedOn}, {@code value} (in {@code currency}; deals without a value in it last),
 *                    {@code supplier}, {@code recipient} or {@code stage}
 */
public record FetchDeals(String status, String supplier, String recipient, String category, String designation,
                         BigDecimal minValue, BigDecimal maxValue, String currency, String sort, boolean descending,
                         int page, int size, LocalDate asOf, Instant knownAt) {
}
