package org.dyad.contracts.common;

import org.dyad.contracts.wire.Described;

/** How a source qualifies a value: "exactly", "about", "up to", "could reach", "at least". */
@Described("How the source qualifies the value: exactly, about, up to, could reach, at least.")
public enum EstimateQualifier {
    EXACT, ABOUT, UP_TO, COULD_REACH, AT_LEAST
}
