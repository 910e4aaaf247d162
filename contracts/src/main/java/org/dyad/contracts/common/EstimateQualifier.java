package org.dyad.contracts.common;

/** How a source qualifies a value: "exactly", "about", "up to", "could reach", "at least". */
public enum EstimateQualifier {
    EXACT, ABOUT, UP_TO, COULD_REACH, AT_LEAST
}
