package org.dyad.contracts.common;

import org.dyad.contracts.wire.Described;

/**
 * How a source qualifies a value: "exactly", "about", "up to", "could reach", "at least", or "estimated total cost".
 * {@link #ESTIMATED_TOTAL_COST} is what a notification of a proposed sale (a DSCA 36(b) notification) states: the
 * ceiling of the Letter of Offer that may follow, covering the whole programme, not a price agreed by the parties.
 */
@Described("How the source qualifies the value: exactly, about, up to, could reach, at least, or estimated total cost "
        + "(the ceiling a notification of a proposed sale states, not a price).")
public enum EstimateQualifier {
    EXACT, ABOUT, UP_TO, COULD_REACH, AT_LEAST, ESTIMATED_TOTAL_COST
}
