package org.dyad.contracts.wire;

import io.cloudevents.CloudEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Maps Dyad events to and from CloudEvents 1.0. On Kafka they travel in binary mode: attributes as {@code ce_*}
 * headers, the event JSON as the value, the aggregate id as the key.
 */
public final class DyadCloudEvents {

    /** The {@code source} of every event Dyad's ledger publishes. */
    public static final URI SOURCE = URI.create("urn:dyad:ledger");
    public static final String CONTENT_TYPE = "application/json";
    /** Extension: the event's number within its aggregate. */
    public static final String SEQUENCE = "dyadsequence";
    /** Extension: the event's position in the event store. */
    public static final String POSITION = "dyadposition";
    /** Extension (optional): the client that sent the command. */
    public static final String CLIENT = "dyadclient";
    /** Extension (optional): the correlation id of the request that recorded the event. */
    public static final String CORRELATION = "dyadcorrelation";
    /** Extension (optional): the intake draft whose accepted proposal recorded the event. */
    public static final String DRAFT = "dyaddraftid";
    /**
     * Extension (optional; CloudEvents distributed tracing): the W3C trace context of the request that recorded the
     * event, so a consumer's work joins the request's trace.
     */
    public static final String TRACE_PARENT = "traceparent";
    /** Extension (optional; CloudEvents distributed tracing): vendor trace state that came with the traceparent. */
    public static final String TRACE_STATE = "tracestate";

    private DyadCloudEvents() {
    }

    public static CloudEvent encode(String eventId, String aggregateId, long sequence, long position, Instant time,
                                    Object payload) {
        return encode(eventId, aggregateId, sequence, position, time, payload, null, null);
    }

    /** With the audit of the request that recorded it: its client and correlation id (either may be absent). */
    public static CloudEvent encode(String eventId, String aggregateId, long sequence, long position, Instant time,
                                    Object payload, String client, String correlationId) {
        byte[] json;
        try {
            json = DyadJson.mapper().writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + payload.getClass().getSimpleName() + " as JSON", e);
        }
        return encode(eventId, aggregateId, sequence, position, time, payload.getClass(), json, client,
                correlationId);
    }

    /**
     * From an event already written as JSON, such as the event store holds it: the payload need not be read into
     * its class and written again.
     */
    public static CloudEvent encode(String eventId, String aggregateId, long sequence, long position, Instant time,
                                    Class<?> payloadType, byte[] json, String client, String correlationId) {
        return encode(eventId, aggregateId, sequence, position, time, payloadType, json, client, correlationId, null);
    }

    /** As above, with the intake draft whose accepted proposal recorded the event (absent when written by hand). */
    public static CloudEvent encode(String eventId, String aggregateId, long sequence, long position, Instant time,
                                    Class<?> payloadType, byte[] json, String client, String correlationId,
                                    String draftId) {
        CloudEventBuilder builder = CloudEventBuilder.v1();
        if (draftId != null) {
            builder.withExtension(DRAFT, draftId);
        }
        if (client != null) {
            builder.withExtension(CLIENT, client);
        }
        if (correlationId != null) {
            builder.withExtension(CORRELATION, correlationId);
        }
        return builder
                .withId(eventId)
                .withSource(SOURCE)
                .withType(EventCatalog.typeOf(payloadType))
                .withSubject(aggregateId)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withDataSchema(EventCatalog.schemaOf(payloadType))
                .withExtension(SEQUENCE, Long.toString(sequence))
                .withExtension(POSITION, Long.toString(position))
                .withData(json)
                .build();
    }

    /**
     * The event with the trace context of the request that recorded it (the CloudEvents distributed-tracing
     * extension); unchanged when {@code traceParent} is absent.
     */
    public static CloudEvent withTraceContext(CloudEvent event, String traceParent, String traceState) {
        if (traceParent == null || traceParent.isBlank()) {
            return event;
        }
        CloudEventBuilder builder = CloudEventBuilder.v1(event).withExtension(TRACE_PARENT, traceParent);
        if (traceState != null && !traceState.isBlank()) {
            builder.withExtension(TRACE_STATE, traceState);
        }
        return builder.build();
    }

    public static PublishedEvent decode(CloudEvent event) {
        if (event == null) {
            throw new UnreadableEventException("record has no CloudEvent");
        }
        EventCatalog.Version version = EventCatalog.versionOf(event.getType())
                .orElseThrow(() -> new UnreadableEventException("unknown event type '" + event.getType() + "'"));
        Class<?> payloadClass = version.eventClass();
        if (event.getData() == null) {
            throw new UnreadableEventException("event " + event.getId() + " has no data");
        }
        try {
            Object payload;
            if (version.current()) {
                payload = DyadJson.mapper().readValue(event.getData().toBytes(), payloadClass);
            } else {
                // A record published before the event's current version: brought up to date as the store's are.
                JsonNode json = DyadJson.mapper().readTree(event.getData().toBytes());
                if (!(json instanceof ObjectNode object)) {
                    throw new UnreadableEventException("event " + event.getId() + " is not a JSON object");
                }
                payload = DyadJson.mapper().treeToValue(EventUpcasts.upcast(version.name(), version.version(),
                        EventCatalog.versionOf(payloadClass), object), payloadClass);
            }
            OffsetDateTime time = event.getTime();
            return new PublishedEvent(event.getId(), event.getType(), event.getSubject(),
                    longExtension(event, SEQUENCE), longExtension(event, POSITION), time, payload,
                    textExtension(event, CLIENT), textExtension(event, CORRELATION), textExtension(event, DRAFT),
                    textExtension(event, TRACE_PARENT), textExtension(event, TRACE_STATE));
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableEventException("event " + event.getId() + " of type " + event.getType()
                    + " is not valid JSON for " + payloadClass.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String textExtension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static long longExtension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        if (value == null) {
            throw new UnreadableEventException("event " + event.getId() + " lacks the '" + name + "' extension");
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new UnreadableEventException("event " + event.getId() + " has a non-numeric '" + name + "'", e);
        }
    }
}
