package org.dyad.contracts.deal;

import org.dyad.contracts.wire.Described;

/** How far an arms transfer has come, from a first report of interest or rumour to full delivery. */
@Described("How far an arms transfer has come, from a first report to full delivery.")
public enum DealStage {
    REPORTED, NEGOTIATING, CONTRACTED, DELIVERING, DELIVERED;

    /** Whether a deal at this stage still awaits (full) delivery. */
    public boolean isOpen() {
        return this != DELIVERED;
    }
}
