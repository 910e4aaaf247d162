package org.dyad.ledger;

import org.dyad.contracts.correction.event.RecordCorrected;

/**
 * A record whose lifecycle must be possible in valid time ({@link Lifecycle}): a correction of its facts is checked
 * before it is applied.
 */
public interface DatedLifecycle {

    /** Refuses (422) a correction whose new values would put the record's lifecycle in an impossible order. */
    void requireInOrder(RecordCorrected correction);
}
