package org.dyad.views.rebuild;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.dyad.views.ViewsConsumerSettings;
import org.dyad.views.ViewsProperties;
import org.dyad.views.ingest.EventTopicListener;
import org.dyad.views.ingest.EventBatchApplier;
import org.dyad.views.projection.ViewTables;
import org.dyad.support.web.ApiProblemException;
import org.dyad.support.web.ProblemType;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every view from the start of the topic while the old views keep serving. The new views are projected
 * into schema {@code views_rebuild}; once they have caught up with the topic, the live subscriber is paused, the
 * last records are applied, and in one transaction the new schema takes the place of {@code views} (the old one is
 * dropped, so no statement can keep reading it). The new schema's applied positions, written with its rows, come
 * with it: the live subscriber is moved to them before it resumes, so it continues exactly where the rebuilt views
 * stand. The swap takes the live views' write lock, so no batch of another read instance commits into the old
 * schema meanwhile; such an instance finds the new positions with its next batch (or when it idles) and reads from
 * there.
 */
@Component
public class ViewRebuild {

    static final String SCHEMA = "views_rebuild";
    /** Indexes only queries read (see {@link #dropIndexesBuiltAfterReplay}). */
    public static final List<String> BUILT_AFTER_REPLAY = List.of("deal_by_recipient", "deal_pending",
            "deal_by_superseded_by", "deal_by_categories", "deal_by_reported_from", "deal_state_by_pair",
            "event_log_by_parties", "event_log_by_pair", "event_log_by_many_parties", "event_log_by_valid_from",
            "event_log_corrections", "event_log_retractions", "record_timeline_by_parties", "relationship_by_b");
    /**
     * Records applied in one transaction, gathered from several polls: each transaction also writes what every
     * batch writes once (applied versions, pair counts, changed actors, the change counter) and waits for a commit.
     */
    static final int REPLAY_BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ViewsProperties properties;
    private final KafkaProperties kafka;
    private final ObjectProvider<SslBundles> sslBundles;
    private final KafkaListenerEndpointRegistry listeners;
    private final EventTopicListener liveListener;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "dyad-view-rebuild"));
    /** Applies one batch while the rebuild's thread polls the next from the topic. */
    private final ExecutorService applying = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dyad-view-rebuild-apply");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicReference<RebuildProgress>> rebuilds = new ConcurrentHashMap<>();
    private volatile String running;

    ViewRebuild(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transaction, ViewsProperties properties,
                KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles, KafkaListenerEndpointRegistry listeners,
                EventTopicListener liveListener) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.kafka = kafka;
        this.sslBundles = sslBundles;
        this.listeners = listeners;
        this.liveListener = liveListener;
    }

    /** Starts a rebuild in the background; only one runs at a time. */
    public synchronized RebuildProgress start() {
        if (running != null) {
            throw new ApiProblemException(ProblemType.OPERATION_RUNNING, "Rebuild running", "rebuild " + running
                    + " is still running", List.of());
        }
        String id = UUID.randomUUID().toString();
        Instant startedAt = Instant.now();
        AtomicReference<RebuildProgress> progress = new AtomicReference<>(
                RebuildProgress.of(id, "PREPARING", 0, 0, startedAt, null, null));
        rebuilds.put(id, progress);
        running = id;
        worker.submit(() -> run(id, startedAt, progress));
        return progress.get();
    }

    public Optional<RebuildProgress> progress(String id) {
        AtomicReference<RebuildProgress> progress = rebuilds.get(id);
        return progress == null ? Optional.empty() : Optional.of(refresh(progress.get()));
    }

    private static RebuildProgress refresh(RebuildProgress p) {
        return RebuildProgress.of(p.id(), p.phase(), p.eventsDone(), p.eventsTotal(), p.startedAt(), p.finishedAt(),
                p.error());
    }

    private void run(String id, Instant startedAt, AtomicReference<RebuildProgress> progress) {
        AtomicLong done = new AtomicLong();
        AtomicLong total = new AtomicLong();
        MessageListenerContainer live = listeners.getListenerContainer(EventTopicListener.ID);
        try {
            prepareSchema();
            List<String> deferredIndexes = dropIndexesBuiltAfterReplay();
            EventBatchApplier applier = new EventBatchApplier(new ViewTables(jdbc, SCHEMA), transaction,
                    EventBatchApplier.Durability.UNTIL_SWITCHED);
            try (KafkaConsumer<String, CloudEvent> consumer = consumer()) {
                List<TopicPartition> partitions = consumer.partitionsFor(properties.topic(), Duration.ofSeconds(30))
                        .stream().map(p -> new TopicPartition(properties.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                total.set(count(start, end));
                progress.set(RebuildProgress.of(id, "REPLAYING", 0, total.get(), startedAt, null, null));
                replayUntil(consumer, end, applier, () -> progress.set(RebuildProgress.of(id, "REPLAYING",
                        done.get(), total.get(), startedAt, null, null)), done);
                progress.set(RebuildProgress.of(id, "INDEXING", done.get(), total.get(), startedAt, null, null));
                deferredIndexes.forEach(jdbc::execute);
                analyzeSchema();

                if (live != null) {
                    live.pause();
                    awaitPaused(live);
                }
                Map<TopicPartition, Long> last = consumer.endOffsets(partitions);
                total.set(count(start, last));
                progress.set(RebuildProgress.of(id, "SWITCHING", done.get(), total.get(), startedAt, null, null));
                replayUntil(consumer, last, applier, () -> { }, done);
                swapSchemas();
                liveListener.continueFromStoredPositions();
            }
            progress.set(RebuildProgress.of(id, "DONE", done.get(), total.get(), startedAt, Instant.now(), null));
            log.info("Views rebuilt from {} records", done.get());
        } catch (Exception e) {
            log.error("View rebuild {} failed", id, e);
            progress.set(RebuildProgress.of(id, "FAILED", done.get(), total.get(), startedAt, Instant.now(),
                    e.getMessage()));
        } finally {
            if (live != null && live.isPauseRequested()) {
                live.resume();
            }
            running = null;
        }
    }

    /**
     * Reads the topic up to {@code end} and applies its records in batches of up to {@link #REPLAY_BATCH}, one after
     * another in the order read; each batch is applied on its own thread while the next is polled and deserialized.
     */
    private void replayUntil(KafkaConsumer<String, CloudEvent> consumer, Map<TopicPartition, Long> end,
                             EventBatchApplier applier, Runnable report, AtomicLong done) throws Exception {
        Future<?> previous = CompletableFuture.completedFuture(null);
        try {
            List<ConsumerRecord<String, CloudEvent>> batch = new ArrayList<>();
            boolean more = end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue());
            while (more) {
                ConsumerRecords<String, CloudEvent> polled = consumer.poll(Duration.ofMillis(500));
                polled.forEach(batch::add);
                more = end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue());
                if (!batch.isEmpty() && (batch.size() >= REPLAY_BATCH || !more || polled.isEmpty())) {
                    awaitApplied(previous);
                    List<ConsumerRecord<String, CloudEvent>> records = batch;
                    batch = new ArrayList<>();
                    previous = applying.submit(() -> {
                        applier.apply(records);
                        done.addAndGet(records.size());
                        report.run();
                    });
                }
            }
            awaitApplied(previous);
        } finally {
            // nothing of this replay may still be writing when the caller goes on (to switch, or to fail)
            try {
                previous.get();
            } catch (ExecutionException e) {
                // reported by awaitApplied
            }
        }
    }

    private static void awaitApplied(Future<?> batch) throws Exception {
        try {
            batch.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void prepareSchema() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/views").load().migrate();
    }

    /**
     * Drops the new schema's indexes that serve only queries and answers the statements that create them again. One
     * sorted build after the replay costs a fraction of keeping them row by row (the GIN indexes above all); the
     * indexes the projection itself reads (deals by pair, actors' agreements and statements, a deal's states) and
     * those that enforce a constraint stay.
     */
    private List<String> dropIndexesBuiltAfterReplay() {
        List<String> create = jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = ?"
                + " AND indexname = ANY (?) ORDER BY indexname", String.class, SCHEMA,
                BUILT_AFTER_REPLAY.toArray(String[]::new));
        BUILT_AFTER_REPLAY.forEach(index -> jdbc.execute("DROP INDEX IF EXISTS " + SCHEMA + "." + index));
        return create;
    }

    /**
     * Gathers the new tables' statistics before they serve: without them the planner guesses how many events a pair
     * has, and walks ten thousand rows where it should have read a hundred. Done before the live views pause.
     */
    private void analyzeSchema() {
        for (String table : jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ?", String.class,
                SCHEMA)) {
            jdbc.execute("ANALYZE " + SCHEMA + "." + table);
        }
    }

    private void swapSchemas() {
        transaction.executeWithoutResult(tx -> {
            new ViewTables(jdbc, ViewTables.LIVE).lockForWriting();
            jdbc.execute("ALTER SCHEMA " + ViewTables.LIVE + " RENAME TO views_retired");
            jdbc.execute("ALTER SCHEMA " + SCHEMA + " RENAME TO " + ViewTables.LIVE);
            jdbc.execute("DROP SCHEMA views_retired CASCADE");
        });
    }

    private static void awaitPaused(MessageListenerContainer container) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!container.isContainerPaused() && container.isRunning()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live subscriber did not pause");
            }
            Thread.sleep(50);
        }
    }

    private static long count(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L)).sum();
    }

    private KafkaConsumer<String, CloudEvent> consumer() {
        return new KafkaConsumer<>(ViewsConsumerSettings.rebuild(kafka, sslBundles.getIfAvailable()));
    }
}
