package org.dyad.contracts.wire;

import java.time.OffsetDateTime;

/**
 * One event as a subscriber receives it: the typed payload with the envelope that places it.
 *
 * @param id          the event's unique id (CloudEvents {@code id}); the same on every redelivery
 * @param type        the stable type, e.g. {@code org.dyad.deal.SaleReported.v1}
 * @param aggregateId the deal or agreement the event belongs to (CloudEvents {@code subject}, the record key)
 * @param sequence    the event's number within its aggregate, from 0, without gaps
 * @param position    the event's position in Dyad's event store (global order of recording)
 * @param time        when Dyad recorded the event
 * @param payload     the event record, e.g. a {@code SaleReported}
 * @param client      the client that sent the command, when known
 * @param correlationId the correlation id of the request that recorded the event, when known
 * @param draftId     the intake draft whose accepted proposal recorded the event, when it was
 * @param traceParent the W3C {@code traceparent} of the request that recorded the event (CloudEvents
 *                    distributed-tracing extension), when it was traced
 * @param traceState  the W3C {@code tracestate} that came with it, when there was one
 */
public record PublishedEvent(String id, String type, String aggregateId, long sequence, long position,
                             OffsetDateTime time, Object payload, String client, String correlationId,
                             String draftId, String traceParent, String traceState) {

    /** An event without trace context. */
    public PublishedEvent(String id, String type, String aggregateId, long sequence, long position,
                          OffsetDateTime time, Object payload, String client, String correlationId,
                          String draftId) {
        this(id, type, aggregateId, sequence, position, time, payload, client, correlationId, draftId, null, null);
    }

    /** An event recorded by a command written by hand (no intake draft). */
    public PublishedEvent(String id, String type, String aggregateId, long sequence, long position,
                          OffsetDateTime time, Object payload, String client, String correlationId) {
        this(id, type, aggregateId, sequence, position, time, payload, client, correlationId, null);
    }
}
