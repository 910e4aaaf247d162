package org.dyad.contracts.embargo;

import org.dyad.contracts.wire.Described;

/**
 * Whether an embargo binds on a date: from its start until it is lifted or the last day of its set end has passed.
 * {@code NOT_YET_IN_FORCE} is an embargo on record whose start is later than the date.
 */
@Described("Whether an embargo binds on the date asked about: `NOT_YET_IN_FORCE`, `IN_FORCE`, `LIFTED` (ended by a "
        + "decision) or `EXPIRED` (the last day of its set end has passed).")
public enum EmbargoStatus {
    NOT_YET_IN_FORCE, IN_FORCE, LIFTED, EXPIRED
}
