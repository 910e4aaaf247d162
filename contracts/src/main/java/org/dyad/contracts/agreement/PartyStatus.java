package org.dyad.contracts.agreement;

/**
 * Where one party stands towards an agreement. {@code WITHDRAWAL_NOTIFIED} turns into {@code WITHDRAWN} when the
 * notice's effective date has passed (views decide that for the date asked about).
 */
public enum PartyStatus {
    SIGNED, CONSENTED, IN_FORCE, SUSPENDED, WITHDRAWAL_NOTIFIED, WITHDRAWN, RENOUNCED;

    /** Whether the party is still bound or on its way to being bound. */
    public boolean isActive() {
        return this == SIGNED || this == CONSENTED || this == IN_FORCE || this == SUSPENDED
                || this == WITHDRAWAL_NOTIFIED;
    }
}
