package org.dyad.contracts.query;

/** Fetch one deal with all value estimates claimed for it. */
public record FetchDeal(String dealId) {
}
