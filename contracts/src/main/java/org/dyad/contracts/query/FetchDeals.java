package org.dyad.contracts.query;

/**
 * Fetch deals, newest report first.
 *
 * @param status    {@code PENDING} (not yet fully delivered), {@code ALL}, or one stage such as {@code CONTRACTED}
 * @param supplier  only deals from this supplier, if given
 * @param recipient only deals to this recipient, if given
 */
public record FetchDeals(String status, String supplier, String recipient, int page, int size) {
}
