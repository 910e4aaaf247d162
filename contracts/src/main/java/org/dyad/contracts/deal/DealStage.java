package org.dyad.contracts.deal;

import org.dyad.contracts.wire.Described;

/**
 * How far an arms transfer has come, from a first report of interest or rumour to full delivery.
 * <p>
 * {@link #NOTIFIED} sits after {@link #REPORTED} and before {@link #NEGOTIATING}: a notified sale has been formally
 * proposed to a legislature (a US 36(b) notification to Congress), which says more than a report of interest, but
 * its terms are not negotiated yet and no contract (a signed Letter of Offer and Acceptance) exists. Many notified
 * sales never become contracts; they stay NOTIFIED until they are contracted, cancelled or superseded.
 */
@Described("How far an arms transfer has come, from a first report to full delivery; NOTIFIED is a sale proposed to "
        + "a legislature (a US 36(b) notification), before negotiation and contract.")
public enum DealStage {
    REPORTED, NOTIFIED, NEGOTIATING, CONTRACTED, DELIVERING, DELIVERED;

    /** Whether a deal at this stage still awaits (full) delivery. */
    public boolean isOpen() {
        return this != DELIVERED;
    }
}
