package org.dyad.views.ingest;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.views.projection.ViewTables;
import org.dyad.views.rebuild.ViewRebuild;
import org.dyad.views.storage.ViewStorage;
import org.dyad.views.testing.EventHistories;
import org.dyad.views.testing.ViewsDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views projected live, a few records at a time with redeliveries, hold exactly the rows of views rebuilt from the
 * same records in a rebuild's large batches (into a fresh schema whose query indexes are built after the replay,
 * committed without waiting for the disk): every column of every table, but those that say when and in how many
 * transactions the rows were written ({@link ViewStorage#NOT_REPRODUCED}).
 */
class RebuildEqualsLiveTest {

    private static final String REBUILT = "views_rebuilt_in_test";

    private final ViewsDatabase database = ViewsDatabase.get();
    private final JdbcTemplate jdbc = database.jdbc();
    private final ViewStorage storage = new ViewStorage(database.dataSource());

    @Test
    void aRebuildWritesEveryRowTheLiveProjectionWrote() {
        List<ConsumerRecord<String, CloudEvent>> records = EventHistories.records("dyad.events",
                EventHistories.varied(1_000, 26));

        database.clear();
        EventBatchApplier live = new EventBatchApplier(new ViewTables(jdbc, ViewTables.LIVE),
                database.transaction());
        Random sizes = new Random(26);
        for (int from = 0; from < records.size(); ) {
            int to = Math.min(records.size(), from + 1 + sizes.nextInt(7));
            live.apply(records.subList(from, to));
            if (sizes.nextInt(5) == 0) {
                // delivered again, as the topic may: from an earlier offset, overlapping what was applied
                live.apply(records.subList(Math.max(0, from - 3), to));
            }
            from = to;
        }

        jdbc.execute("DROP SCHEMA IF EXISTS " + REBUILT + " CASCADE");
        Flyway.configure().dataSource(database.dataSource()).schemas(REBUILT).createSchemas(true)
                .locations("classpath:db/views").load().migrate();
        List<String> deferred = jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = ?"
                + " AND indexname = ANY (?)", String.class, REBUILT,
                ViewRebuild.BUILT_AFTER_REPLAY.toArray(String[]::new));
        ViewRebuild.BUILT_AFTER_REPLAY.forEach(index -> jdbc.execute("DROP INDEX " + REBUILT + "." + index));
        EventBatchApplier rebuild = new EventBatchApplier(new ViewTables(jdbc, REBUILT), database.transaction(),
                EventBatchApplier.Durability.UNTIL_SWITCHED);
        for (int from = 0; from < records.size(); from += 5_000) {
            rebuild.apply(new ArrayList<>(records.subList(from, Math.min(records.size(), from + 5_000))));
        }
        deferred.forEach(jdbc::execute);

        Map<String, List<String>> liveRows = storage.everyRow(ViewTables.LIVE);
        Map<String, List<String>> rebuiltRows = storage.everyRow(REBUILT);
        Map<String, Integer> written = new java.util.TreeMap<>();
        liveRows.forEach((table, rows) -> written.put(table, rows.size()));
        assertThat(written).as("rows written live").containsEntry("event_log", records.size())
                .allSatisfy((table, rows) -> assertThat(rows).as(table)
                        .isGreaterThan(List.of("dead_letter", "actor").contains(table) ? -1 : 0));
        assertThat(written.get("deal")).isGreaterThan(100);
        assertThat(written.get("deal_state")).isGreaterThan(written.get("deal"));
        assertThat(written.get("relationship")).isGreaterThan(30);
        assertThat(rebuiltRows.keySet()).isEqualTo(liveRows.keySet());
        liveRows.forEach((table, rows) -> assertThat(rebuiltRows.get(table)).as(table).containsExactlyElementsOf(rows));
        jdbc.execute("DROP SCHEMA " + REBUILT + " CASCADE");
    }
}
