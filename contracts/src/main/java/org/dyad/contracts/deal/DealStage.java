package org.dyad.contracts.deal;

/** How far an arms transfer has come, from a first report of interest to full delivery. */
public enum DealStage {
    REPORTED, NEGOTIATING, CONTRACTED, DELIVERING, DELIVERED;

    /** Whether a deal at this stage is still awaiting (full) delivery. */
    public boolean isPending() {
        return this != DELIVERED;
    }
}
