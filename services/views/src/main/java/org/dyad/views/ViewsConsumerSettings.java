package org.dyad.views;

import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings of the read side's Kafka consumers, in three layers: Dyad's defaults; over them Spring Boot's
 * {@code spring.kafka.*} (bootstrap servers, {@code security.protocol}, {@code ssl.*}, {@code spring.kafka.consumer.*}
 * and any client property under {@code spring.kafka.properties.*}, e.g. {@code sasl.mechanism} and
 * {@code sasl.jaas.config}); over all of them the settings the views' guarantees rest on, which no configuration can
 * change.
 */
public final class ViewsConsumerSettings {

    private ViewsConsumerSettings() {
    }

    /** The live subscriber's consumers: in group {@code dyad.views.consumer-group}, committing only after applying. */
    public static Map<String, Object> live(KafkaProperties kafka, SslBundles sslBundles, ViewsProperties views) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.putAll(kafka.buildConsumerProperties(sslBundles));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, views.consumerGroup());
        // a partition without a committed position is read from its start: the views need every event
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        required(config);
        return config;
    }

    /** The rebuild's consumer: assigned every partition, outside any group, reading from the start. */
    public static Map<String, Object> rebuild(KafkaProperties kafka, SslBundles sslBundles) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        config.putAll(kafka.buildConsumerProperties(sslBundles));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        required(config);
        return config;
    }

    private static void required(Map<String, Object> config) {
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // records of a transaction another producer aborted are never applied
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // a record that cannot be deserialized arrives as null with the cause in a header, instead of looping
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, CloudEventDeserializer.class);
    }
}
