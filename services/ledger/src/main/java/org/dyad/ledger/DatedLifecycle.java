package org.dyad.ledger;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.correction.event.RecordCorrected;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A record whose lifecycle must be possible in valid time ({@link Lifecycle}): a new fact, and a correction of its
 * facts, is checked before it is applied.
 */
public interface DatedLifecycle {

    /** The record's lifecycle as replayed in valid time; {@code null} until the record is founded. */
    Lifecycle<?> lifecycle();

    /** Applies a lifecycle fact once its date ({@code dateField}) is known to leave a possible lifecycle. */
    default void inOrder(String dateField, DyadEvent event) {
        lifecycle().requireInOrder(dateField, event);
        apply(event);
    }

    /** Refuses (422) a correction whose new values would put the record's lifecycle in an impossible order. */
    default void requireInOrder(RecordCorrected correction) {
        if (lifecycle() != null) {
            lifecycle().requireInOrder(correction);
        }
    }
}
