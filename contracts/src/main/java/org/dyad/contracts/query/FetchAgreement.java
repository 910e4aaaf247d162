package org.dyad.contracts.query;

/** Fetch one agreement with the status of each party. */
public record FetchAgreement(String agreementId) {
}
