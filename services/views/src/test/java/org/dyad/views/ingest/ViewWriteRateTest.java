package org.dyad.views.ingest;

import com.zaxxer.hikari.HikariDataSource;
import io.cloudevents.CloudEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.views.projection.ViewTables;
import org.dyad.views.rebuild.ViewRebuild;
import org.dyad.views.testing.EventHistories;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures how fast the views write, against the database's own batch ceiling measured on the same server in the
 * same run: a rebuild's replay (its indexes built after the replay, 1,000 records a poll) and the live views catching
 * up with an import (every index, 500 records a poll), on a durable PostgreSQL ({@code fsync},
 * {@code synchronous_commit}, {@code full_page_writes} on, as Dyad's embedded server runs). Run on demand
 * ({@code -Ddyad.measure=true -Dtest=ViewWriteRateTest}); it prints its figures (rates, CPU of the applying thread, the
 * JVM and the server per event, WAL and rows and bytes per table per event) and holds no speed target.
 */
@EnabledIfSystemProperty(named = "dyad.measure", matches = "true")
class ViewWriteRateTest {

    private static final int DEALS = Integer.getInteger("dyad.measure.deals", 8_000);
    /** Records a rebuild applies in one transaction. */
    private static final int REBUILD_BATCH = Integer.getInteger("dyad.measure.rebuildBatch", 5_000);
    private static final int ROUNDS = Integer.getInteger("dyad.measure.rounds", 2);
    private static final String PAYLOAD = "{\"payload\":\"" + "x".repeat(740 - 14) + "\"}";

    @Test
    void rebuildAndCatchUpAgainstTheBatchCeiling() throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on").forEach(builder::setServerConfig);
        try (EmbeddedPostgres postgres = builder.start(); HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
            List<PublishedEvent> history = EventHistories.register(DEALS, 7);
            List<ConsumerRecord<String, CloudEvent>> records = EventHistories.records("dyad.events", history);

            replay(jdbc, transaction, pool, "views_warm_up", true, REBUILD_BATCH, records.subList(0, 10_000));
            StringBuilder report = new StringBuilder(String.format("%nView writes, %,d events of %,d deals%n",
                    history.size(), DEALS));
            for (int round = 1; round <= ROUNDS; round++) {
                double before = ceiling(pool);
                double rebuild = replay(jdbc, transaction, pool, "views_rebuild_" + round, true, REBUILD_BATCH,
                        records);
                double between = ceiling(pool);
                double live = replay(jdbc, transaction, pool, round == 1 ? "views" : "views_" + round, false, 500,
                        records);
                double after = ceiling(pool);
                report.append(String.format("  round %d: 500-row batch ceiling %,.0f / %,.0f / %,.0f rows/s;"
                                + " rebuild (indexes after, %,d a batch) %,.0f events/s = %.1f %%;"
                                + " live catch-up (500 a poll) %,.0f events/s = %.1f %%%n", round, before, between,
                        after, REBUILD_BATCH, rebuild, 200 * rebuild / (before + between), live,
                        200 * live / (between + after)));
            }
            System.out.println(report);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM views.event_log", Long.class))
                    .isEqualTo(history.size());
        }
    }

    /** The CPU time of this JVM's threads, the folding threads, JIT and garbage collection included. */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The CPU seconds the server's processes have used so far (its backends, WAL writer, checkpointer, …). */
    private static double serverCpuSeconds(JdbcTemplate jdbc) {
        long postmaster = jdbc.queryForObject("SELECT pg_backend_pid()", Long.class);
        postmaster = parentOf(postmaster);
        long ticks = 0;
        File[] processes = new File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        for (File process : processes == null ? new File[0] : processes) {
            String[] stat = stat(process);
            if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            }
        }
        return ticks / 100.0;
    }

    private static long parentOf(long pid) {
        String[] stat = stat(new File("/proc/" + pid));
        return stat == null ? -1 : Long.parseLong(stat[1]);
    }

    /** The fields of /proc/<pid>/stat after the command's name: state, ppid, …, utime (11), stime (12). */
    private static String[] stat(File process) {
        try {
            String text = Files.readString(process.toPath().resolve("stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double replay(JdbcTemplate jdbc, TransactionTemplate transaction, HikariDataSource pool,
                                 String schema, boolean indexesAfter, int poll,
                                 List<ConsumerRecord<String, CloudEvent>> records) {
        Flyway.configure().dataSource(pool).schemas(schema).createSchemas(true).locations("classpath:db/views")
                .load().migrate();
        if (indexesAfter) {
            ViewRebuild.BUILT_AFTER_REPLAY.forEach(index -> jdbc.execute("DROP INDEX " + schema + "." + index));
        }
        EventBatchApplier applier = new EventBatchApplier(new ViewTables(jdbc, schema), transaction,
                indexesAfter ? EventBatchApplier.Durability.UNTIL_SWITCHED : EventBatchApplier.Durability.DURABLE);
        jdbc.execute("CHECKPOINT");
        String walBefore = jdbc.queryForObject("SELECT pg_current_wal_lsn()::text", String.class);
        double serverBefore = serverCpuSeconds(jdbc);
        long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long jvmBefore = jvmCpuNanos();
        long started = System.nanoTime();
        for (int from = 0; from < records.size(); from += poll) {
            applier.apply(records.subList(from, Math.min(records.size(), from + poll)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double javaCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        double serverCpu = serverCpuSeconds(jdbc) - serverBefore;
        double jvmCpu = (jvmCpuNanos() - jvmBefore) / 1e9;
        System.out.printf("  %s: %,d events in %.1f s; CPU: the applying thread %.1f s (the whole JVM %.1f s),"
                        + " PostgreSQL %.1f s (%.0f (%.0f) + %.0f µs per event)%n", schema, records.size(), seconds,
                javaCpu, jvmCpu, serverCpu, javaCpu * 1e6 / records.size(), jvmCpu * 1e6 / records.size(),
                serverCpu * 1e6 / records.size());
        long wal = jdbc.queryForObject("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint", Long.class,
                walBefore);
        System.out.printf("    WAL written: %,.0f B per event%n", (double) wal / records.size());
        System.out.println("    rows and bytes per event: " + tableSizes(jdbc, schema, records.size()));
        return records.size() / seconds;
    }

    /** Per table of the schema: its rows and its size (table, TOAST and indexes) per event applied. */
    private static String tableSizes(JdbcTemplate jdbc, String schema, int events) {
        StringBuilder sizes = new StringBuilder();
        for (String table : jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ?"
                + " ORDER BY pg_total_relation_size(quote_ident(schemaname) || '.' || quote_ident(tablename)) DESC",
                String.class, schema)) {
            String name = schema + "." + table;
            long rows = jdbc.queryForObject("SELECT count(*) FROM " + name, Long.class);
            long bytes = jdbc.queryForObject("SELECT pg_total_relation_size('" + name + "')", Long.class);
            if (rows > 0) {
                sizes.append(String.format("%s %.2f rows, %,.0f B; ", table, (double) rows / events,
                        (double) bytes / events));
            }
        }
        return sizes.toString();
    }

    /** Rows per second, 740-byte rows in 500-row JDBC batches, one transaction each, as the benchmark's ceiling. */
    private static double ceiling(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection()) {
            c.createStatement().execute("""
                    CREATE TABLE IF NOT EXISTS ceiling_row (global_index BIGSERIAL PRIMARY KEY,
                        aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,
                        event_identifier VARCHAR(255) NOT NULL UNIQUE, payload BYTEA NOT NULL,
                        payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(255) NOT NULL,
                        UNIQUE (aggregate_identifier, sequence_number))""");
            c.setAutoCommit(false);
            long rows = 0;
            JdbcTemplate server = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            String walBefore = server.queryForObject("SELECT pg_current_wal_lsn()::text", String.class);
            double serverBefore = serverCpuSeconds(server);
            long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long started = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ceiling_row (aggregate_identifier,"
                    + " sequence_number, event_identifier, payload, payload_type, time_stamp)"
                    + " VALUES (?, 0, ?, ?, 'SaleReported', ?)")) {
                while (System.nanoTime() - started < 3_000_000_000L) {
                    for (int i = 0; i < 500; i++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setBytes(3, PAYLOAD.getBytes(StandardCharsets.UTF_8));
                        insert.setString(4, java.time.Instant.now().toString());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                    rows += 500;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double javaCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore) / 1e9;
            double serverCpu = serverCpuSeconds(server) - serverBefore;
            long wal = server.queryForObject("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint",
                    Long.class, walBefore);
            c.commit();
            System.out.printf("  ceiling: %,d rows in %.1f s; CPU: the client %.1f s, PostgreSQL %.1f s"
                            + " (%.0f + %.0f µs per row); WAL %,.0f B per row%n", rows, seconds, javaCpu, serverCpu,
                    javaCpu * 1e6 / rows, serverCpu * 1e6 / rows, (double) wal / rows);
            return rows / seconds;
        }
    }
}
