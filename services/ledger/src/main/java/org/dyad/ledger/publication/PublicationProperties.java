package org.dyad.ledger.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * Where and how stored events are published.
 *
 * @param topic             the topic every event goes to, keyed by aggregate id
 * @param partitions        partitions when Dyad creates the topic
 * @param replicationFactor replication factor when Dyad creates the topic
 * @param batchSize         events read from the store and acknowledged by Kafka per batch
 * @param producer          further Kafka producer settings (e.g. interceptors), over {@code spring.kafka.producer.*}
 *                          and under the settings the publication's guarantees rest on
 *                          ({@link PublisherClientSettings}). The brokers and their security are set with
 *                          {@code spring.kafka.*}; {@code dyad.kafka.bootstrap-servers} feeds
 *                          {@code spring.kafka.bootstrap-servers} in the application's configuration.
 */
@ConfigurationProperties("dyad.kafka")
public record PublicationProperties(
        @DefaultValue("dyad.events") String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("200") int batchSize,
        Map<String, String> producer) {

    public PublicationProperties {
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }
}
