package org.dyad.app;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.app.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dyad.app.TopicRecords.header;

/**
 * Commands are accepted while Kafka is down (they only write PostgreSQL); once the broker is back, every event
 * stored meanwhile reaches the topic, in order per aggregate, and the views.
 */
@DirtiesContext
// stops and starts the broker or database in this JVM, so always the embedded ones
@TestPropertySource(properties = {"dyad.test.scenario=broker-outage", "dyad.test.infrastructure=embedded"})
class BrokerOutageIT extends DyadIntegrationTest {

    @Autowired
    EmbeddedInfrastructure infrastructure;

    @Test
    void eventsStoredWhileTheBrokerIsDownArePublishedWhenItReturns() {
        String warmUp = uniqueId("before");
        String token = post("/api/v1/deals", dealReport(warmUp, "USA", "TWN", 1)).getBody()
                .path("consistencyToken").asText();
        assertThat(get("/api/v1/deals/" + warmUp + "?waitFor=" + token).getStatusCode()).isEqualTo(HttpStatus.OK);

        infrastructure.kafka().stop();
        List<String> during = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = uniqueId("during");
            assertThat(post("/api/v1/deals", dealReport(id, "USA", "TWN", 10 + i)).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
            during.add(id);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger.domain_event_entry WHERE aggregate_identifier"
                + " LIKE 'during-%'", Long.class)).isEqualTo(5);
        infrastructure.kafka().start();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                during.forEach(id -> assertThat(get("/api/v1/deals/" + id).getStatusCode())
                        .as("deal %s in the views", id).isEqualTo(HttpStatus.OK)));

        List<ConsumerRecord<String, byte[]>> records = TopicRecords.readAll(bootstrapServers, topic);
        for (String id : during) {
            assertThat(records.stream().filter(r -> id.equals(r.key())).map(r -> header(r, "ce_dyadsequence")))
                    .as("records of %s", id).isNotEmpty().allMatch("0"::equals);
        }
        assertThat(get("/api/v1/relationships/USA/TWN").getBody().path("deals")).hasSize(6);
    }
}
