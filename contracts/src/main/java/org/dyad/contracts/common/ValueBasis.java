package org.dyad.contracts.common;

import org.dyad.contracts.wire.Described;

/** What a value measures: money of its own year, money of a fixed price year, or SIPRI's trend-indicator value. */
@Described("What the value measures: money of its own year, money of a fixed `priceYear`, or SIPRI's "
        + "trend-indicator value.")
public enum ValueBasis {
    CURRENT, CONSTANT, TIV
}
