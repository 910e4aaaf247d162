package org.dyad.contracts.common;

/** What a value measures: money of its own year, money of a fixed price year, or SIPRI's trend-indicator value. */
public enum ValueBasis {
    CURRENT, CONSTANT, TIV
}
