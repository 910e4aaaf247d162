package org.dyad.actors;

/**
 * How a state followed another, in the terms of the 1978 Vienna Convention on Succession of States in respect of
 * Treaties and of state practice. It decides what passes to the successor: treaty participation, and the
 * predecessor's relations (its deals and agreements) in a successor's relationships.
 */
public enum SuccessionKind {
    /** The successor is the same state continuing under another name or in a smaller territory (Russia). */
    CONTINUATION,
    /** The predecessor ended and split into new states, none continuing it (Czechoslovakia). */
    DISSOLUTION,
    /** A part became independent of a predecessor that went on or was continued by another (Ukraine). */
    SEPARATION,
    /** Two states merged into a new one (Yemen). */
    UNIFICATION,
    /** The predecessor joined an existing state that goes on (East Germany into Germany). */
    ABSORPTION,
    /** A state restored an independence it had before being annexed; it is not the predecessor's successor. */
    RESTORATION;

    /** Whether the successor is bound by the predecessor's treaties from the succession date without any act. */
    public boolean bindsWithoutNotice() {
        return this == CONTINUATION || this == UNIFICATION;
    }

    /**
     * Whether the successor may take the predecessor's place in its treaties by notifying succession (a new state
     * born of a dissolution or separation).
     */
    public boolean maySucceedByNotice() {
        return this == DISSOLUTION || this == SEPARATION;
    }

    /**
     * Whether the successor carries on the predecessor's open deals as its own (a single state goes on for the
     * whole territory); after a dissolution or separation a deal passes to a successor only if its source names it.
     */
    public boolean carriesOnDeals() {
        return this == CONTINUATION || this == UNIFICATION || this == ABSORPTION;
    }

    /** Whether the predecessor's deals and agreements belong to the successor's relationships after the date. */
    public boolean takesOverRelations() {
        return this != RESTORATION;
    }
}
