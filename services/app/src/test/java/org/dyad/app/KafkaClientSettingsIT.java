package org.dyad.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Boot's Kafka settings reach every Kafka client the running Dyad creates: the publisher's producer and
 * topic admin, the views' consumers, the watchlists' consumer and the alerts' producer (the rebuild's consumer in
 * {@link ViewRebuildIT}). The test context sets {@code spring.kafka.properties.*} (a metric reporter that records
 * each client's configuration), a TLS setting of {@code spring.kafka.ssl.*}, and one setting each under
 * {@code spring.kafka.producer.properties}, {@code consumer.properties} and {@code admin.properties}; Dyad's own
 * guarantees stay set over them.
 */
class KafkaClientSettingsIT extends DyadIntegrationTest {

    /** Asserts that a client's configuration carries the test context's {@code spring.kafka.*} settings. */
    static void assertCarriesSpringKafkaSettings(Map<String, String> client) {
        String name = client.get("client.id");
        assertThat(client).as(name).containsEntry("metric.reporters", "org.dyad.app.KafkaClientConfigs")
                .containsEntry("ssl.protocol", "TLSv1.3");
        switch (kind(client)) {
            case "producer" -> assertThat(client).as(name).containsEntry("metadata.max.idle.ms", "300001")
                    .containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
            case "consumer" -> assertThat(client).as(name).containsEntry("metadata.max.age.ms", "300001")
                    .containsEntry("enable.auto.commit", "false").containsEntry("isolation.level", "read_committed");
            default -> assertThat(client).as(name).containsEntry("metadata.max.age.ms", "300002");
        }
    }

    static String kind(Map<String, String> client) {
        return client.containsKey("value.serializer") ? "producer"
                : client.containsKey("value.deserializer") ? "consumer" : "admin";
    }

    private List<Map<String, String>> clientsOfThisDyad() {
        return KafkaClientConfigs.all().stream()
                .filter(c -> c.get("bootstrap.servers").replaceAll("[\\[\\] ]", "").equals(bootstrapServers))
                .toList();
    }

    @Test
    void everyKafkaClientDyadCreatesCarriesSpringBootsKafkaSettings() {
        // the publisher checks its topic with an admin client at its first event
        ok(post("/api/v1/deals", dealReport(uniqueId("kafka-settings"), "NOR", "SWE", 1)));
        // other test classes' Dyads in this JVM run on brokers of their own: this context's clients are those on its
        // broker, which reaches them only as dyad.kafka.bootstrap-servers feeding spring.kafka.bootstrap-servers
        List<Map<String, String>> clients = await().atMost(Duration.ofSeconds(30)).until(this::clientsOfThisDyad,
                all -> all.stream().anyMatch(c -> "dyad-ledger-topic-admin".equals(c.get("client.id"))));
        assertThat(clients).extracting(c -> c.get("client.id"))
                .contains("dyad-ledger-publisher", "dyad-ledger-topic-admin", "dyad-alerts-publisher");
        assertThat(clients).filteredOn(c -> "consumer".equals(kind(c))).extracting(c -> c.get("group.id"))
                .contains("dyad-views", "dyad-watch");
        clients.forEach(KafkaClientSettingsIT::assertCarriesSpringKafkaSettings);
    }
}
