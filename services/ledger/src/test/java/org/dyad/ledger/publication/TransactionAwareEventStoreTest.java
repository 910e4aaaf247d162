package org.dyad.ledger.publication;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionAwareEventStoreTest {

    /** Records when the store wakes its processors, relative to the transaction's commit. */
    private final List<String> timeline = new ArrayList<>();
    private final RecordingStore store = new RecordingStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()));
    private final TransactionTemplate transaction = new TransactionTemplate(new RecordingTransactions());

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void insideATransactionTheProcessorsAreWokenOnlyOnceItCommitted() {
        transaction.executeWithoutResult(status -> {
            publishInUnitOfWork("SaleReported");
            timeline.add("unit of work committed");
        });

        assertThat(timeline).containsExactly("unit of work committed", "transaction committed", "woken for 1 event");
    }

    @Test
    void aRolledBackTransactionWakesNobody() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            publishInUnitOfWork("SaleReported");
            throw new IllegalStateException("the receipt could not be written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(timeline).containsExactly("transaction rolled back");
    }

    @Test
    void withoutATransactionTheProcessorsAreWokenWhenTheUnitOfWorkCommits() {
        publishInUnitOfWork("SaleReported");
        timeline.add("unit of work committed");

        assertThat(timeline).containsExactly("woken for 1 event", "unit of work committed");
    }

    private void publishInUnitOfWork(String payload) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(payload));
        store.publish(GenericEventMessage.asEventMessage(payload));
        unitOfWork.commit();
    }

    private class RecordingStore extends TransactionAwareEventStore {

        RecordingStore(Builder builder) {
            super(builder);
        }

        @Override
        protected void wake(List<? extends EventMessage<?>> events) {
            timeline.add("woken for " + events.size() + " event" + (events.size() == 1 ? "" : "s"));
            super.wake(events);
        }
    }

    /** Spring's transaction synchronization without a database: records its commits and rollbacks. */
    private class RecordingTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            timeline.add("transaction committed");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            timeline.add("transaction rolled back");
        }
    }
}
