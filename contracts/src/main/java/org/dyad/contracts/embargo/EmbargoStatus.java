package org.dyad.contracts.embargo;

import org.dyad.contracts.wire.Described;

/** Whether an embargo binds on a date: in force from its start, until it is lifted or its end date passes. */
@Described("Whether an embargo binds on the date asked about: `IN_FORCE`, `LIFTED` (ended by a decision) or "
        + "`EXPIRED` (its end date has passed).")
public enum EmbargoStatus {
    IN_FORCE, LIFTED, EXPIRED
}
