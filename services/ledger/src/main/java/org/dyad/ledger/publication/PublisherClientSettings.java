package org.dyad.ledger.publication;

import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings of the publisher's Kafka clients, in three layers: Dyad's defaults; over them Spring Boot's
 * {@code spring.kafka.*} (bootstrap servers, {@code security.protocol}, {@code ssl.*}, and any client property under
 * {@code spring.kafka.properties.*}, e.g. {@code sasl.mechanism} and {@code sasl.jaas.config}) and the producer's
 * {@code dyad.kafka.producer.*}; over all of them the settings publication's guarantees rest on, which no
 * configuration can change.
 */
final class PublisherClientSettings {

    private PublisherClientSettings() {
    }

    /** The producer: acknowledged by every in-sync replica, idempotent, in order per partition. */
    static Map<String, Object> producer(KafkaProperties kafka, SslBundles sslBundles, Map<String, String> extra) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dyad-ledger-publisher");
        config.putAll(kafka.buildProducerProperties(sslBundles));
        config.putAll(extra);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // at most 5 requests in flight is what keeps an idempotent producer's order across retries
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        return config;
    }

    /** The admin client that creates the topic and waits for its partitions' leaders. */
    static Map<String, Object> admin(KafkaProperties kafka, SslBundles sslBundles) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "dyad-ledger-topic-admin");
        config.putAll(kafka.buildAdminProperties(sslBundles));
        return config;
    }
}
