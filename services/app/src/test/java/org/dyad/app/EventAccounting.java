package org.dyad.app;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.app.infrastructure.TestInfrastructure;
import org.dyad.ledger.storage.LedgerStorage;
import org.dyad.views.storage.ViewStorage;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Follows acknowledged commands through Dyad from outside its processes: into the event store, onto the topic (read
 * with a plain consumer) and into the views, for the deals whose id starts with a prefix. The store and the views are
 * read through their modules' storage fixtures: that each event is stored and applied exactly once is a guarantee
 * about their tables.
 */
final class EventAccounting {

    /** What was found: topic records and distinct events, for the figures. */
    record Tally(int storedEvents, int topicRecords, int distinctOnTopic) {

        int duplicatesOnTopic() {
            return topicRecords - distinctOnTopic;
        }
    }

    private final LedgerStorage ledgerStorage;
    private final ViewStorage viewStorage;
    private final String bootstrapServers;
    private final String topic;

    EventAccounting(TestInfrastructure infrastructure, String topic) {
        DataSource database = new DriverManagerDataSource(infrastructure.jdbcUrl(), infrastructure.username(),
                infrastructure.password());
        this.ledgerStorage = new LedgerStorage(database);
        this.viewStorage = new ViewStorage(database);
        this.bootstrapServers = infrastructure.bootstrapServers();
        this.topic = topic;
    }

    LedgerStorage ledgerStorage() {
        return ledgerStorage;
    }

    ViewStorage viewStorage() {
        return viewStorage;
    }

    /**
     * Every acknowledged command's event is stored, exactly once (one event per acknowledged command, each at the
     * version its answer gave), published at least once and applied exactly once to the views; no other event of
     * these deals exists anywhere.
     */
    Tally verify(String prefix, List<CommandLoad.Outcome> acknowledged, Duration viewsTimeout) {
        Map<String, Set<Long>> expected = new TreeMap<>();
        Map<String, Integer> estimates = new HashMap<>();
        for (CommandLoad.Outcome outcome : acknowledged) {
            assertThat(outcome.acknowledged()).as("only acknowledged commands are accounted").isTrue();
            assertThat(expected.computeIfAbsent(outcome.command().dealId(), id -> new HashSet<>())
                    .add(outcome.version())).as("version %d of %s answered to two commands", outcome.version(),
                    outcome.command().dealId()).isTrue();
            if (outcome.command().kind() != CommandLoad.Kind.NEGOTIATION) {
                estimates.merge(outcome.command().dealId(), 1, Integer::sum);
            }
        }

        // The store: exactly the acknowledged versions, 0..n-1 of each deal.
        Map<String, Set<Long>> stored = new TreeMap<>();
        Map<String, String> storedIds = new HashMap<>();
        for (LedgerStorage.StoredEvent event : ledgerStorage.eventsOfRecordsStartingWith(prefix + "-")) {
            stored.computeIfAbsent(event.recordId(), id -> new HashSet<>()).add(event.sequence());
            storedIds.put(event.eventId(), event.recordId());
        }
        assertThat(stored).as("stored versions per deal = acknowledged versions").isEqualTo(expected);

        // The views: every event applied (so published), exactly once.
        await("views caught up with the store").atMost(viewsTimeout).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(viewStorage.appliedVersionsOfRecordsStartingWith(prefix + "-"))
                        .isEqualTo(lastVersions(expected)));
        // The topic, read once the views have everything: every stored event at least once, nothing else.
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.readAll(bootstrapServers, topic).stream()
                .filter(r -> r.key() != null && r.key().startsWith(prefix + "-")).toList();
        Set<String> published = records.stream().map(r -> TopicRecords.header(r, "ce_id"))
                .collect(Collectors.toSet());
        assertThat(published).as("events on the topic (by ce_id) = stored events")
                .isEqualTo(storedIds.keySet());

        List<String> logged = viewStorage.loggedEventIdsOfRecordsStartingWith(prefix + "-");
        assertThat(logged).as("events in the views' log").hasSize(storedIds.size())
                .containsExactlyInAnyOrderElementsOf(storedIds.keySet());
        Map<String, Integer> estimatesInViews = new TreeMap<>();
        viewStorage.dealsStartingWith(prefix + "-").forEach((deal, row) -> {
            estimatesInViews.put(deal, row.estimates());
            assertThat(row.version()).as("version of %s in the views", deal)
                    .isEqualTo(expected.get(deal).size() - 1L);
        });
        assertThat(estimatesInViews).as("estimates per deal in the views: each applied once")
                .isEqualTo(new TreeMap<>(estimates));
        assertRelationshipCounts();
        return new Tally(storedIds.size(), records.size(), published.size());
    }

    /** Each pair's deal count equals the deals on record between the two, whichever instance applied them. */
    void assertRelationshipCounts() {
        for (List<String> pair : CommandLoad.PAIRS) {
            String a = pair.get(0).compareTo(pair.get(1)) < 0 ? pair.get(0) : pair.get(1);
            String b = a.equals(pair.get(0)) ? pair.get(1) : pair.get(0);
            assertThat(viewStorage.dealsCountedPerPair().getOrDefault(a + "-" + b, 0L))
                    .as("deals counted for %s-%s", a, b).isEqualTo(viewStorage.dealRowsBetween(a, b));
        }
    }

    private static Map<String, Long> lastVersions(Map<String, Set<Long>> versions) {
        Map<String, Long> last = new TreeMap<>();
        versions.forEach((id, v) -> last.put(id, v.stream().mapToLong(Long::longValue).max().orElse(-1)));
        return last;
    }
}
