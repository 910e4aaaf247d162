package org.dyad.app;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.app.infrastructure.TestInfrastructure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

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
 * with a plain consumer) and into the views (read from their tables), for the deals whose id starts with a prefix.
 */
final class EventAccounting {

    /** What was found: topic records and distinct events, for the figures. */
    record Tally(int storedEvents, int topicRecords, int distinctOnTopic) {

        int duplicatesOnTopic() {
            return topicRecords - distinctOnTopic;
        }
    }

    private final JdbcTemplate jdbc;
    private final String bootstrapServers;
    private final String topic;

    EventAccounting(TestInfrastructure infrastructure, String topic) {
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(infrastructure.jdbcUrl(), infrastructure.username(),
                infrastructure.password()));
        this.bootstrapServers = infrastructure.bootstrapServers();
        this.topic = topic;
    }

    JdbcTemplate jdbc() {
        return jdbc;
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
        jdbc.query("SELECT aggregate_identifier, sequence_number, event_identifier FROM ledger.domain_event_entry"
                + " WHERE aggregate_identifier LIKE ?", rs -> {
            stored.computeIfAbsent(rs.getString(1), id -> new HashSet<>()).add(rs.getLong(2));
            storedIds.put(rs.getString(3), rs.getString(1));
        }, prefix + "-%");
        assertThat(stored).as("stored versions per deal = acknowledged versions").isEqualTo(expected);

        // The views: every event applied (so published), exactly once.
        await("views caught up with the store").atMost(viewsTimeout).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(appliedVersions(prefix)).isEqualTo(lastVersions(expected)));
        // The topic, read once the views have everything: every stored event at least once, nothing else.
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.readAll(bootstrapServers, topic).stream()
                .filter(r -> r.key() != null && r.key().startsWith(prefix + "-")).toList();
        Set<String> published = records.stream().map(r -> TopicRecords.header(r, "ce_id"))
                .collect(Collectors.toSet());
        assertThat(published).as("events on the topic (by ce_id) = stored events")
                .isEqualTo(storedIds.keySet());

        List<String> logged = jdbc.queryForList("SELECT event_id FROM views.event_log WHERE aggregate_id LIKE ?",
                String.class, prefix + "-%");
        assertThat(logged).as("events in the views' log").hasSize(storedIds.size())
                .containsExactlyInAnyOrderElementsOf(storedIds.keySet());
        Map<String, Integer> estimatesInViews = new TreeMap<>();
        jdbc.query("SELECT deal_id, version, json_array_length(doc->'estimates') FROM views.deal WHERE deal_id LIKE ?",
                rs -> {
                    estimatesInViews.put(rs.getString(1), rs.getInt(3));
                    assertThat(rs.getLong(2)).as("version of %s in the views", rs.getString(1))
                            .isEqualTo(expected.get(rs.getString(1)).size() - 1L);
                }, prefix + "-%");
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
            Long deals = jdbc.queryForObject("SELECT count(*) FROM views.deal WHERE (supplier = ? AND recipient = ?)"
                    + " OR (supplier = ? AND recipient = ?)", Long.class, a, b, b, a);
            List<Long> counted = jdbc.queryForList("SELECT deals FROM views.relationship WHERE party_a = ?"
                    + " AND party_b = ?", Long.class, a, b);
            assertThat(counted.isEmpty() ? 0L : counted.get(0)).as("deals counted for %s-%s", a, b)
                    .isEqualTo(deals);
        }
    }

    private Map<String, Long> appliedVersions(String prefix) {
        Map<String, Long> applied = new TreeMap<>();
        jdbc.query("SELECT aggregate_id, version FROM views.applied_version WHERE aggregate_id LIKE ?",
                rs -> {
                    applied.put(rs.getString(1), rs.getLong(2));
                }, prefix + "-%");
        return applied;
    }

    private static Map<String, Long> lastVersions(Map<String, Set<Long>> versions) {
        Map<String, Long> last = new TreeMap<>();
        versions.forEach((id, v) -> last.put(id, v.stream().mapToLong(Long::longValue).max().orElse(-1)));
        return last;
    }
}
