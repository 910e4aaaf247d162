package org.dyad.app;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dyad.app.TopicRecords.header;

/**
 * A thousand commands from concurrent clients while the Kafka broker goes down and comes back: every command is
 * accepted (they only write PostgreSQL); once the broker is back, every event reaches the topic at least once, in
 * order per record, and the views exactly once. The first fifth of the load runs before the outage, three fifths
 * during it, the last fifth while the backlog drains.
 */
@Tag("reliability")
@DirtiesContext
// stops and starts the broker or database in this JVM, so always the embedded ones
@TestPropertySource(properties = {"dyad.test.scenario=broker-outage", "dyad.test.infrastructure=embedded"})
class BrokerOutageIT extends DyadIntegrationTest {

    private static final int COMMANDS = 1_000;
    private static final int CLIENTS = 8;
    private static final int OUTAGE_FROM = COMMANDS / 5;
    private static final int OUTAGE_UNTIL = COMMANDS * 4 / 5;

    @Autowired
    EmbeddedInfrastructure infrastructure;

    @Test
    void aThousandCommandsAcrossABrokerOutageAreAllAcceptedPublishedOnceAtLeastAndAppliedOnce() throws Exception {
        String warmUp = uniqueId("before");
        String token = post("/api/v1/deals", dealReport(warmUp, "USA", "TWN", 1)).getBody()
                .path("consistencyToken").asText();
        assertThat(get("/api/v1/deals/" + warmUp + "?waitFor=" + token).getStatusCode()).isEqualTo(HttpStatus.OK);

        String prefix = "load-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger acceptedWhileDown = new AtomicInteger();
        Queue<String> refusals = new ConcurrentLinkedQueue<>();
        CountDownLatch brokerStopped = new CountDownLatch(1);
        CountDownLatch brokerStarted = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < COMMANDS; i++) {
            int n = i;
            clients.submit(() -> {
                if (n >= OUTAGE_FROM) {
                    brokerStopped.await();
                }
                if (n >= OUTAGE_UNTIL) {
                    brokerStarted.await();
                }
                ResponseEntity<String> answer = http.postForEntity("/api/v1/deals", new HttpEntity<>(
                        dealReport(prefix + n, "USA", "TWN", n), jsonHeaders()), String.class);
                if (answer.getStatusCode() == HttpStatus.CREATED) {
                    accepted.incrementAndGet();
                    if (brokerStopped.getCount() == 0 && brokerStarted.getCount() > 0) {
                        acceptedWhileDown.incrementAndGet();
                    }
                } else {
                    refusals.add(n + ": " + answer.getStatusCode() + " " + answer.getBody());
                }
                return null;
            });
        }
        long stopMillis;
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> accepted.get() + refusals.size() >= OUTAGE_FROM);
            long stopping = System.nanoTime();
            infrastructure.kafka().stop();
            stopMillis = (System.nanoTime() - stopping) / 1_000_000;
            brokerStopped.countDown();
            await().atMost(Duration.ofMinutes(3)).until(() -> accepted.get() + refusals.size() >= OUTAGE_UNTIL);
            infrastructure.kafka().start();
        } finally {
            brokerStopped.countDown();
            brokerStarted.countDown();
        }
        long returned = System.nanoTime();
        clients.shutdown();
        assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        assertThat(refusals).as("commands not accepted").isEmpty();
        assertThat(accepted.get()).isEqualTo(COMMANDS);
        assertThat(ledgerStorage.eventCountOfRecordsStartingWith(prefix)).as("every acknowledged command stored")
                .isEqualTo(COMMANDS);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                viewStorage.appliedVersionsOfRecordsStartingWith(prefix).size() == COMMANDS);
        long drainMillis = (System.nanoTime() - returned) / 1_000_000;

        assertThat(viewStorage.loggedEventIdsOfRecordsStartingWith(prefix)).as("each event once in the views")
                .hasSize(COMMANDS);
        assertThat(viewStorage.dealsStartingWith(prefix)).hasSize(COMMANDS);

        List<ConsumerRecord<String, byte[]>> records = TopicRecords.readAll(bootstrapServers, topic).stream()
                .filter(r -> r.key() != null && r.key().startsWith(prefix)).toList();
        Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(r -> header(r, "ce_id"),
                Collectors.counting()));
        assertThat(copies).as("distinct events on the topic").hasSize(COMMANDS);
        assertThat(records).allMatch(r -> "0".equals(header(r, "ce_dyadsequence")));
        long duplicates = records.size() - copies.size();
        long storeBytes = ledgerStorage.bytesPerEvent();
        long viewBytes = viewStorage.bytesPerDeal();
        System.out.printf("Broker outage under load: %d commands from %d clients, all accepted, %d of them while the"
                        + " broker was down or starting (stopping it took %d ms); views complete %d ms after the broker returned;"
                        + " %d records on the topic for %d events (%d duplicates)%n", COMMANDS, CLIENTS,
                acceptedWhileDown.get(), stopMillis, drainMillis, records.size(), copies.size(), duplicates);
        System.out.printf("Storage: %d bytes per event in the event store (with indexes), %d bytes per deal of one"
                + " event in the views%n", storeBytes, viewBytes);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
