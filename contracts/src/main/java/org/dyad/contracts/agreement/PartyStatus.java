package org.dyad.contracts.agreement;

/**
 * Where one party stands towards an agreement. {@code WITHDRAWAL_NOTIFIED} turns into {@code WITHDRAWN} when the
 * notice's effective date has passed, and an active party that ceased to exist as a state (the Soviet Union on
 * 1991-12-26) is {@code ENDED} from that date, its place taken by the successors its succession binds (views decide
 * both for the date asked about).
 */
public enum PartyStatus {
    SIGNED, CONSENTED, IN_FORCE, SUSPENDED, WITHDRAWAL_NOTIFIED, WITHDRAWN, RENOUNCED, ENDED;

    /** Whether the party is still bound or on its way to being bound. */
    public boolean isActive() {
        return this == SIGNED || this == CONSENTED || this == IN_FORCE || this == SUSPENDED
                || this == WITHDRAWAL_NOTIFIED;
    }
}
