package org.dyad.views;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ViewsConsumerSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"dyad\" password=\"secret\";";
    private static final ViewsProperties VIEWS = new ViewsProperties("dyad.events", "dyad-views", 1, 64);

    private static KafkaProperties securedKafka() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("kafka:9093"));
        kafka.getSecurity().setProtocol("SASL_PLAINTEXT");
        kafka.getProperties().put("sasl.mechanism", "PLAIN");
        kafka.getProperties().put("sasl.jaas.config", JAAS);
        return kafka;
    }

    @Test
    void theLiveConsumersTakeBrokersAndSecurityFromSpringKafka() {
        Map<String, Object> live = ViewsConsumerSettings.live(securedKafka(), null, VIEWS);

        assertThat(live).containsEntry("bootstrap.servers", List.of("kafka:9093"))
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("group.id", "dyad-views");
    }

    @Test
    void theRebuildsConsumerTakesBrokersAndSecurityFromSpringKafkaAndJoinsNoGroup() {
        KafkaProperties kafka = securedKafka();
        kafka.getConsumer().setGroupId("someone-elses-group");

        Map<String, Object> rebuild = ViewsConsumerSettings.rebuild(kafka, null);

        assertThat(rebuild).containsEntry("bootstrap.servers", List.of("kafka:9093"))
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.jaas.config", JAAS)
                .doesNotContainKey("group.id");
    }

    /** The environment variables docs/operations.md names, read as Spring Boot reads the process environment. */
    @Test
    void environmentVariablesReachTheConsumers() {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093,kafka-2:9093",
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", JAAS,
                "SPRING_KAFKA_SSL_TRUSTSTORELOCATION", "file:/etc/kafka-ca/ca.p12",
                "SPRING_KAFKA_SSL_TRUSTSTORETYPE", "PKCS12",
                "SPRING_KAFKA_SSL_TRUSTSTOREPASSWORD", "changeit"));
        KafkaProperties kafka = new Binder(ConfigurationPropertySources.from(environment))
                .bind("spring.kafka", KafkaProperties.class).get();

        assertThat(ViewsConsumerSettings.live(kafka, null, VIEWS))
                .containsEntry("bootstrap.servers", List.of("kafka-1:9093", "kafka-2:9093"))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.p12")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", "changeit");
    }

    @Test
    void configurationTunesTheConsumersButCannotWeakenTheirGuarantees() {
        KafkaProperties kafka = securedKafka();
        kafka.getConsumer().setMaxPollRecords(50);
        kafka.getConsumer().setEnableAutoCommit(true);
        kafka.getConsumer().setGroupId("someone-elses-group");
        kafka.getConsumer().setAutoOffsetReset("latest");
        kafka.getConsumer().setValueDeserializer(StringDeserializer.class);

        for (Map<String, Object> consumer : List.of(ViewsConsumerSettings.live(kafka, null, VIEWS),
                ViewsConsumerSettings.rebuild(kafka, null))) {
            assertThat(consumer).containsEntry("max.poll.records", 50)
                    .containsEntry("enable.auto.commit", false)
                    .containsEntry("isolation.level", "read_committed")
                    .containsEntry("value.deserializer", ErrorHandlingDeserializer.class);
        }
        assertThat(ViewsConsumerSettings.live(kafka, null, VIEWS)).containsEntry("group.id", "dyad-views")
                .containsEntry("auto.offset.reset", "earliest");
    }
}
