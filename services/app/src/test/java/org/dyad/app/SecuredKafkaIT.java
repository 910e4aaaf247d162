package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.dyad.app.infrastructure.SaslKafkaInfrastructure;
import org.dyad.app.infrastructure.SaslKafkaInitializer;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.subscriber.DyadEventDispatcher;
import org.dyad.subscriber.DyadSubscriber;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.dyad.app.infrastructure.SaslKafkaInfrastructure.DYAD_PASSWORD;
import static org.dyad.app.infrastructure.SaslKafkaInfrastructure.DYAD_USER;
import static org.dyad.app.infrastructure.SaslKafkaInfrastructure.PARTNER_PASSWORD;
import static org.dyad.app.infrastructure.SaslKafkaInfrastructure.PARTNER_USER;
import static org.dyad.app.infrastructure.SaslKafkaInfrastructure.clientSecurity;

/**
 * Dyad against a broker that requires SASL authentication ({@code SASL_PLAINTEXT}, mechanism {@code PLAIN}), with
 * the brokers and the credentials given as an operator gives them (see {@link SaslKafkaInitializer}): commands are
 * published by the ledger's producer into the topic its admin client created, the views' consumers apply them, the
 * rebuild's consumer replays them, and a partner service's subscriber library receives them. A client without
 * credentials, or with wrong ones, is refused.
 */
@DirtiesContext
// its own broker and database, so never the containers
@TestPropertySource(properties = {"dyad.test.scenario=secured-kafka", "dyad.test.infrastructure=embedded"})
@ContextConfiguration(initializers = SaslKafkaInitializer.class)
class SecuredKafkaIT extends DyadIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void recordedCommandsReachTheViewsAndASubscriberOverSasl() throws Exception {
        String deal = uniqueId("sasl");
        String token = ok(post("/api/v1/deals", dealReport(deal, "FRA", "GRC", 1_000_000)));

        ResponseEntity<JsonNode> answer = get("/api/v1/deals/" + deal + "?waitFor=" + token);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().path("supplier").asText()).isEqualTo("FRA");

        Set<String> received = ConcurrentHashMap.newKeySet();
        DyadSubscriber subscriber = DyadSubscriber.builder()
                .bootstrapServers(bootstrapServers)
                .consumerProperties(clientSecurity(PARTNER_USER, PARTNER_PASSWORD))
                .groupId(uniqueId("partner"))
                .topic(topic)
                .dispatcher(new DyadEventDispatcher().on(SaleReported.class,
                        (event, published) -> received.add(event.dealId())))
                .build();
        Thread loop = new Thread(subscriber::run, "partner-subscriber");
        loop.start();
        try {
            await().atMost(WAIT).until(() -> received.contains(deal));
            String later = uniqueId("sasl-later");
            ok(post("/api/v1/deals", dealReport(later, "FRA", "GRC", 2_000_000)));
            await().atMost(WAIT).until(() -> received.contains(later));
        } finally {
            subscriber.close();
            loop.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    @Test
    void theBrokerRefusesClientsWithoutValidCredentials() throws Exception {
        ok(post("/api/v1/deals", dealReport(uniqueId("sasl-topic"), "FRA", "GRC", 1)));
        try (Admin dyad = admin(clientSecurity(DYAD_USER, DYAD_PASSWORD))) {
            await().atMost(WAIT).until(() -> dyad.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic));
        }

        try (Admin anonymous = admin(Map.of())) {
            assertThatThrownBy(() -> anonymous.listTopics().names().get(30, TimeUnit.SECONDS))
                    .as("a client without SASL gets no answer but a closed connection")
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        }
        try (Admin impostor = admin(clientSecurity(PARTNER_USER, "not-the-password"))) {
            assertThatThrownBy(() -> impostor.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void theViewsAreRebuiltOverSasl() {
        String deal = uniqueId("sasl-rebuilt");
        String token = ok(post("/api/v1/deals", dealReport(deal, "DEU", "NOR", 3_000_000)));
        assertThat(get("/api/v1/deals/" + deal + "?waitFor=" + token).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> started = http.postForEntity("/api/v1/admin/rebuilds", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String job = started.getHeaders().getLocation().toString();
        JsonNode done = await().atMost(WAIT).until(() -> get(job).getBody(),
                p -> p.path("phase").asText().matches("DONE|FAILED"));

        assertThat(done.path("phase").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("eventsDone").asLong()).isEqualTo(done.path("eventsTotal").asLong()).isPositive();
        assertThat(get("/api/v1/deals/" + deal).getBody().path("recipient").asText()).isEqualTo("NOR");
    }

    /** An admin client of this broker with the given security settings, quick to give up. */
    private Admin admin(Map<String, Object> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 6_000);
        return Admin.create(config);
    }
}
