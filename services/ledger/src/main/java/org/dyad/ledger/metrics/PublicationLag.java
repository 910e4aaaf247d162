package org.dyad.ledger.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.dyad.ledger.LedgerConfiguration;
import org.dyad.ledger.publication.KafkaEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * How far publication is behind the event store: the store's head (its highest global index) minus the position of
 * the publisher's stored token, which advances only after Kafka acknowledged. Read from the database, so every
 * write-side instance reports the same figures whichever of them holds the publisher's claim.
 */
@Component
class PublicationLag {

    private static final String LEDGER = LedgerConfiguration.SCHEMA;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    PublicationLag(JdbcTemplate jdbc, Serializer serializer, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        Gauge.builder("dyad.ledger.head.position", this, PublicationLag::head)
                .description("highest global index in the event store").register(meters);
        Gauge.builder("dyad.publisher.position", this, PublicationLag::published)
                .description("global index up to which Kafka acknowledged the published events").register(meters);
        Gauge.builder("dyad.publisher.lag", this, lag -> lag.head() - lag.published())
                .description("events stored but not yet acknowledged by Kafka").register(meters);
    }

    double head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM " + LEDGER + ".domain_event_entry",
                Long.class);
        return head == null ? 0 : head;
    }

    /** The publisher's token position; 0 before it has stored one (nothing published yet). */
    double published() {
        List<TrackingToken> tokens = jdbc.query("SELECT token, token_type FROM " + LEDGER + ".token_entry"
                        + " WHERE processor_name = ? AND token IS NOT NULL", (rs, n) -> serializer.deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), null)),
                KafkaEventPublisher.PROCESSING_GROUP);
        return tokens.stream().mapToLong(token -> token.position().orElse(0)).min().orElse(0);
    }
}
