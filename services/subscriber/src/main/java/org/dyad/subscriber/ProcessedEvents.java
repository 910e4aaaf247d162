package org.dyad.subscriber;

/**
 * Remembers which event ids were handled, to drop redeliveries: Dyad delivers at least once, and the id
 * ({@code ce_id}) of an event is the same on every delivery.
 * <p>
 * {@link InMemoryProcessedEvents} lasts as long as the process. A subscriber whose effects must not be applied twice
 * across restarts keeps the ids in its own durable store instead, e.g. a table keyed by event id written in the same
 * transaction as the handler's effect, so that the effect and the mark commit or roll back together.
 */
public interface ProcessedEvents {

    /**
     * Marks the event as handled and answers whether it was not marked before, i.e. whether to handle it now.
     */
    boolean firstTime(String eventId);

    /**
     * Unmarks an event whose handling failed, so that its redelivery is handled. A store written in the handler's
     * transaction gets this from the rollback and may do nothing here.
     */
    void forget(String eventId);
}
