package org.dyad.sipri;

/** A line of a SIPRI export that could not be read as a row, and why. */
public record SipriProblem(int line, String reason) {
}
