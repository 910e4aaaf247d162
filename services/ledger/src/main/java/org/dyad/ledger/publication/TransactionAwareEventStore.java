package org.dyad.ledger.publication;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's embedded event store, waking its tracking processors (the publisher) once the database transaction that
 * holds new events has committed. Axon wakes them when the unit of work that stored the events commits; a command
 * endpoint's unit of work runs inside a wider transaction (with its idempotency key and receipt, see
 * {@code CommandRecorder}) that commits after it. Woken then, the publisher would read before the events are visible
 * and find them only at a later wake-up or after the store's fetch delay (1 s). Outside a Spring transaction the
 * processors are woken at once, as Axon does.
 */
public class TransactionAwareEventStore extends EmbeddedEventStore {

    protected TransactionAwareEventStore(Builder builder) {
        super(builder);
    }

    /** The store, configured by Axon's builder of the embedded event store. */
    public static TransactionAwareEventStore of(Builder builder) {
        return new TransactionAwareEventStore(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake(events);
                }
            });
        } else {
            wake(events);
        }
    }

    /** Wakes the store's tracking processors to read the committed events. */
    protected void wake(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
    }
}
