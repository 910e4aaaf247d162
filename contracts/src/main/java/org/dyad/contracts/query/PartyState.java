package org.dyad.contracts.query;

import org.dyad.contracts.agreement.PartyStatus;

/** Where one party stands towards an agreement. */
public record PartyState(String party, PartyStatus status) {
}
