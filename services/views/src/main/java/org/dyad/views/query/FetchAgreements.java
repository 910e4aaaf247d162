package org.dyad.views.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Fetch agreements, earliest signature first.
 *
 * @param party       only agreements this actor is party to
 * @param status      the agreement's status (SIGNED, IN_FORCE, EXPIRED, TERMINATED)
 * @param partyStatus with {@code party}: that party's status (e.g. IN_FORCE, WITHDRAWAL_NOTIFIED, RENOUNCED)
 */
public record FetchAgreements(String party, String status, String partyStatus, String kind, String subject,
                              int page, int size, LocalDate asOf, Instant knownAt) {
}
