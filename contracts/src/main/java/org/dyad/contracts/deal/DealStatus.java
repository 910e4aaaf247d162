package org.dyad.contracts.deal;

/** A deal's side state, beside its stage: going ahead, suspended (resumable), cancelled (revivable) or superseded. */
public enum DealStatus {
    ACTIVE, SUSPENDED, CANCELLED, SUPERSEDED
}
