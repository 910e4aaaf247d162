package org.dyad.ledger.web;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The commands of one {@code POST /api/v1/batches} while they are recorded. Bound to the recording thread, it tells
 * {@link CommandRecorder} to leave each command's events in the batch's unit of work, which appends all of them
 * together when it commits, and it keeps per item the record it names, the command message sent, and (once the unit
 * of work stores them) the events that command caused, from which the item's receipt is made.
 */
public final class RecordingBatch {

    /** The metadata key under which Axon's {@code MessageOriginProvider} names the command an event came from. */
    static final String CAUSING_COMMAND = "correlationId";
    private static final ThreadLocal<RecordingBatch> CURRENT = new ThreadLocal<>();

    /** One command of the batch as recorded: its record, where that record lives, and the answer to give. */
    public static final class Item {
        private final int index;
        private final String id;
        private final String collection;
        private final int status;
        private final Function<RecordedResponse, Object> answer;
        private final List<DomainEventMessage<?>> events = new ArrayList<>();

        Item(int index, String id, String collection, int status, Function<RecordedResponse, Object> answer) {
            this.index = index;
            this.id = id;
            this.collection = collection;
            this.status = status;
            this.answer = answer;
        }

        /** The item's place in the batch's request, from 0. */
        public int index() {
            return index;
        }

        /** The record the item created or changed. */
        public String id() {
            return id;
        }

        /** The record's location, as the single-command endpoint answers it. */
        public String location() {
            return collection + "/" + id;
        }

        /** 201 for a record created, 200 for one changed. */
        public int status() {
            return status;
        }

        public boolean creates() {
            return status == 201;
        }

        /** The events the item's command applied to its own record, in order (known once they are stored). */
        public List<DomainEventMessage<?>> events() {
            return List.copyOf(events);
        }

        /** What the single-command endpoint answers, given the item's receipt. */
        public Object answer(RecordedResponse receipt) {
            return answer == null ? receipt : answer.apply(receipt);
        }
    }

    private final List<Item> items = new ArrayList<>();
    private final Map<String, Item> byCommand = new HashMap<>();
    private final Map<String, String> createdIn = new HashMap<>();
    private int calling = -1;

    private RecordingBatch() {
    }

    /** Binds a new batch to this thread; {@link #close()} unbinds it. */
    public static RecordingBatch open() {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("a batch is already being recorded on this thread");
        }
        RecordingBatch batch = new RecordingBatch();
        CURRENT.set(batch);
        return batch;
    }

    /** The batch being recorded on this thread, or {@code null}. */
    public static RecordingBatch current() {
        return CURRENT.get();
    }

    public void close() {
        CURRENT.remove();
    }

    /** The items recorded so far, in the order they were sent. */
    public List<Item> items() {
        return List.copyOf(items);
    }

    /** Names the item of the request whose endpoint is called next. */
    public void calling(int index) {
        calling = index;
    }

    /** Notes a command the batch sent; {@code false} if it creates a record an earlier item created. */
    boolean recorded(String commandId, String id, String collection, int status,
                     Function<RecordedResponse, Object> answer) {
        Item item = new Item(calling, id, collection, status, answer);
        if (item.creates() && createdIn.putIfAbsent(id, collection) != null) {
            return false;
        }
        items.add(item);
        byCommand.put(commandId, item);
        return true;
    }

    /** Whether an earlier item of the batch created record {@code id} in {@code collection}. */
    boolean created(String id, String collection) {
        return collection != null && collection.equals(createdIn.get(id));
    }

    /**
     * A refused item: its place in the request and why. The batch records nothing; the problem names the item.
     */
    public static final class ItemRefused extends RuntimeException {
        private final int index;

        public ItemRefused(int index, RuntimeException reason) {
            super(reason.getMessage(), reason);
            this.index = index;
        }

        public int index() {
            return index;
        }

        public RuntimeException reason() {
            return (RuntimeException) getCause();
        }
    }

    /** Gives each item the events of its own record its command caused (called as the unit of work stores them). */
    void storing(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                Item item = byCommand.get(String.valueOf(domain.getMetaData().get(CAUSING_COMMAND)));
                if (item != null && item.id.equals(domain.getAggregateIdentifier())) {
                    item.events.add(domain);
                }
            }
        }
    }
}
