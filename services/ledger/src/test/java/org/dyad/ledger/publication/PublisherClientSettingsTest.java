package org.dyad.ledger.publication;

import io.cloudevents.kafka.CloudEventSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.core.io.FileSystemResource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublisherClientSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"dyad\" password=\"secret\";";

    private static KafkaProperties securedKafka() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("kafka-1:9093", "kafka-2:9093"));
        kafka.getSecurity().setProtocol("SASL_SSL");
        kafka.getSsl().setTrustStoreLocation(new FileSystemResource("/etc/kafka/trust.p12"));
        kafka.getSsl().setTrustStoreType("PKCS12");
        kafka.getProperties().put("sasl.mechanism", "SCRAM-SHA-256");
        kafka.getProperties().put("sasl.jaas.config", JAAS);
        return kafka;
    }

    @Test
    void theProducerTakesBrokersAndSecurityFromSpringKafka() {
        Map<String, Object> producer = PublisherClientSettings.producer(securedKafka(), null, Map.of());

        assertThat(producer).containsEntry("bootstrap.servers", List.of("kafka-1:9093", "kafka-2:9093"))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("client.id", "dyad-ledger-publisher");
        assertThat(String.valueOf(producer.get("ssl.truststore.location"))).endsWith("trust.p12");
    }

    @Test
    void theAdminClientTakesBrokersAndSecurityFromSpringKafka() {
        Map<String, Object> admin = PublisherClientSettings.admin(securedKafka(), null);

        assertThat(admin).containsEntry("bootstrap.servers", List.of("kafka-1:9093", "kafka-2:9093"))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("request.timeout.ms", 5_000);
    }

    @Test
    void configurationTunesTheProducerButCannotWeakenItsGuarantees() {
        KafkaProperties kafka = securedKafka();
        kafka.getProducer().setAcks("1");
        kafka.getProducer().getProperties().put("linger.ms", "20");
        kafka.getProperties().put("enable.idempotence", "false");

        Map<String, Object> producer = PublisherClientSettings.producer(kafka, null,
                Map.of("interceptor.classes", "org.example.Audit", "max.in.flight.requests.per.connection", "50"));

        assertThat(producer).containsEntry("linger.ms", "20")
                .containsEntry("interceptor.classes", "org.example.Audit")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("max.in.flight.requests.per.connection", 5)
                .containsEntry("value.serializer", CloudEventSerializer.class);
    }
}
