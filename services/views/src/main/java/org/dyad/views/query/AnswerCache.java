package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.annotation.PreDestroy;
import org.dyad.views.ViewsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Keeps answers computed from the views until what they were computed from changes. Every commit that changes the
 * views counts itself in {@code views.view_change}, and once for each actor its records name in
 * {@code views.actor_change}. An answer is kept as its JSON ({@link KeptAnswer}: text, UTF-8 bytes and, for a large
 * answer, gzip) under its query, the state it depends on, and the day (answers for "now" depend on it), and is served
 * again while all three are the same; it is kept with its {@link ActorNames}. The state of an answer about actors
 * (a relationship, partners, deals of a supplier) is their counts; of any other, the views' count. Either includes
 * the table's identity, which a rebuild changes. The state is read before the answer is computed: an answer may be
 * newer than the state it is kept under, never older, and the next change to its actors makes a new key.
 * <p>
 * The state is known without reading those tables while the views' change notifications are followed
 * ({@link ViewChanges}: commits of this process signal themselves, other processes' by {@code NOTIFY}); it is read
 * from them for a reader of its own write ({@code waitFor}) and whenever the notifications are not followed.
 * <p>
 * <b>Warming.</b> When a notification tells of a change to some actors, the answers about them that readers asked for
 * are computed again at once, on a small pool, under the state the notification raised, as a reader would compute
 * them: the next reader finds the answer ready, or waits for that one computation. An answer is computed this way at
 * most {@value #WARMED_UNREAD} times without a reader asking for it, so that a pair written often and read seldom
 * costs no more than that per read. Warming counts as a miss of the cache's statistics, never as a hit. It is on unless
 * {@code dyad.views.answers.warming} is {@code false}.
 */
@Component
public class AnswerCache {

    private static final Logger log = LoggerFactory.getLogger(AnswerCache.class);
    /** How many times an answer is computed again after a change without a reader asking for it. */
    static final int WARMED_UNREAD = 2;
    /** How long a warming waits for a commit of this process naming its actors to be counted. */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(200);

    private record Key(Object query, String state, LocalDate today) {
    }

    /** A query readers asked: its latest key, how to compute its answer, and whether it is worth warming. */
    private static final class Asked {

        final Collection<String> actors;
        volatile Supplier<? extends JsonNode> compute;
        final AtomicReference<Key> latest = new AtomicReference<>();
        /** Times computed by warming since a reader last asked. */
        final AtomicInteger warmedUnread = new AtomicInteger();
        /** A warming is queued and has not started. */
        final AtomicBoolean queued = new AtomicBoolean();
        /** Listed under its actors, to be warmed when they change. */
        final AtomicBoolean listed = new AtomicBoolean();

        Asked(Collection<String> actors, Supplier<? extends JsonNode> compute) {
            this.actors = List.copyOf(actors);
            this.compute = compute;
        }
    }

    /** Whether the current thread is warming: its lookups are not a reader's hits. */
    private static final ThreadLocal<Boolean> WARMING = new ThreadLocal<>();

    private final JdbcTemplate jdbc;
    private final ViewChanges changes;
    private final AnswerWriter writer;
    private final Cache<Key, KeptAnswer> answers;
    private final ConcurrentStatsCounter stats = new ConcurrentStatsCounter();
    /** Each query's latest key, so that its answer under an earlier state is let go once a later one is asked. */
    private final Cache<Object, Asked> asked;
    /** Actor → the queries about it that are warmed when it changes. */
    private final ConcurrentHashMap<String, Set<Object>> warmed = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor warming;
    private final Counter warmings;
    private final boolean enabled;

    AnswerCache(JdbcTemplate jdbc, AnswerWriter writer, ViewsProperties properties, MeterRegistry meters,
                ViewChanges changes, @Value("${dyad.views.answers.warming:true}") boolean warm) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.writer = writer;
        this.enabled = properties.answerCacheMib() > 0;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(properties.answerCacheMib() * 1024L * 1024L)
                .weigher((Key key, KeptAnswer answer) -> answer.weight())
                .expireAfterAccess(Duration.ofMinutes(10))
                .recordStats(() -> new ReadersStats(stats))
                .build();
        this.asked = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10))
                .removalListener((Object query, Asked entry, RemovalCause cause) -> {
                    if (query != null && entry != null) {
                        unwarmed(query, entry);
                    }
                })
                .build();
        // cache_gets_total{cache="view_answers", result="hit"|"miss"}, cache_size, cache_evictions_total
        CaffeineCacheMetrics.monitor(meters, answers, "view_answers");
        this.warmings = Counter.builder("dyad.views.answers.warmed")
                .description("answers computed again right after a change to their actors, before a reader asked")
                .register(meters);
        AtomicInteger threads = new AtomicInteger();
        this.warming = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(1_000), r -> {
            Thread thread = new Thread(r, "dyad-answer-warming-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        if (enabled && warm) {
            changes.onNotifiedChange(this::warm);
        }
    }

    @PreDestroy
    void close() {
        warming.shutdownNow();
    }

    /**
     * The answer to {@code query} (a value with equals and hashCode, such as a query record): as kept, or computed
     * now. An answer that reads only records naming at least one of {@code actors} is kept until records naming them
     * change; with no actors, until the views change. Readers asking the same question while it is computed wait for
     * that answer.
     */
    public JsonNode answer(Object query, Collection<String> actors, Supplier<? extends JsonNode> compute) {
        if (!enabled) {
            return compute.get();
        }
        String known = changes.state(actors);
        Asked entry = asked.get(query, q -> new Asked(actors, compute));
        entry.compute = compute;
        read(query, entry);
        return answer(query, entry, known != null ? known : actors.isEmpty() ? viewsState() : actorsState(actors));
    }

    private JsonNode answer(Object query, Asked entry, String state) {
        Key key = new Key(query, state, LocalDate.now());
        // read first: readers of a kept answer find its key unchanged and write nothing to the shared entry
        if (!key.equals(entry.latest.get())) {
            Key previous = entry.latest.getAndSet(key);
            if (previous != null && !previous.equals(key)) {
                // the answer under an earlier state is not asked for again
                answers.invalidate(previous);
            }
        }
        Supplier<? extends JsonNode> compute = entry.compute;
        return answers.get(key, k -> writer.keep(compute.get()));
    }

    /** A reader asked: an answer about actors is warmed on their next changes again. */
    private void read(Object query, Asked entry) {
        if (entry.warmedUnread.get() != 0) {
            entry.warmedUnread.set(0);
        }
        if (!entry.listed.get() && entry.listed.compareAndSet(false, true)) {
            for (String actor : entry.actors) {
                warmed.computeIfAbsent(actor, a -> ConcurrentHashMap.newKeySet()).add(query);
            }
        }
    }

    /** No longer warmed, until a reader asks again. */
    private void unwarmed(Object query, Asked entry) {
        for (String actor : entry.actors) {
            warmed.computeIfPresent(actor, (a, queries) -> {
                queries.remove(query);
                return queries.isEmpty() ? null : queries;
            });
        }
        entry.listed.set(false);
    }

    /** A notification told of a commit changing records naming {@code actors}: their asked answers are warmed. */
    private void warm(Collection<String> actors) {
        for (String actor : actors) {
            Set<Object> queries = warmed.get(actor);
            if (queries == null) {
                continue;
            }
            for (Object query : queries) {
                Asked entry = asked.getIfPresent(query);
                if (entry == null) {
                    queries.remove(query);
                } else if (entry.queued.compareAndSet(false, true)) {
                    try {
                        warming.execute(() -> warm(query, entry));
                    } catch (RejectedExecutionException full) {
                        // the warming pool is behind or stopped: readers compute this one
                        entry.queued.set(false);
                    }
                }
            }
        }
    }

    private void warm(Object query, Asked entry) {
        // a change from now on queues the query again
        entry.queued.set(false);
        if (entry.warmedUnread.incrementAndGet() > WARMED_UNREAD) {
            unwarmed(query, entry);
            return;
        }
        long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        String state;
        // a commit of this process naming these actors may be counted a moment after its notification arrives
        while ((state = changes.state(entry.actors)) == null) {
            if (!changes.isListening() || System.nanoTime() - deadline >= 0) {
                return;
            }
            LockSupport.parkNanos(1_000_000);
        }
        WARMING.set(Boolean.TRUE);
        try {
            answer(query, entry, state);
            warmings.increment();
        } catch (RuntimeException e) {
            log.debug("Could not warm the answer to {}: {}", query, e.getMessage());
        } finally {
            WARMING.remove();
        }
    }

    private String viewsState() {
        return jdbc.query("SELECT tableoid, changes FROM views.view_change",
                rs -> rs.next() ? rs.getLong(1) + ":" + rs.getLong(2) : "none");
    }

    private String actorsState(Collection<String> actors) {
        List<String> sorted = actors.stream().distinct().sorted().toList();
        String placeholders = String.join(", ", Collections.nCopies(sorted.size(), "?"));
        return jdbc.query("SELECT v.tableoid, (SELECT string_agg(a.actor || '=' || a.changes, ',' ORDER BY a.actor)"
                        + " FROM views.actor_change a WHERE a.actor IN (" + placeholders + ")) FROM views.view_change v",
                rs -> rs.next() ? rs.getLong(1) + ":" + rs.getString(2) : "none", sorted.toArray());
    }

    /** The cache's statistics as readers see them: a warming's computation is a miss, its lookup never a hit. */
    private record ReadersStats(StatsCounter counter) implements StatsCounter {

        @Override
        public void recordHits(int count) {
            if (WARMING.get() == null) {
                counter.recordHits(count);
            }
        }

        @Override
        public void recordMisses(int count) {
            counter.recordMisses(count);
        }

        @Override
        public void recordLoadSuccess(long loadTime) {
            counter.recordLoadSuccess(loadTime);
        }

        @Override
        public void recordLoadFailure(long loadTime) {
            counter.recordLoadFailure(loadTime);
        }

        @Override
        public void recordEviction(int weight, RemovalCause cause) {
            counter.recordEviction(weight, cause);
        }

        @Override
        public CacheStats snapshot() {
            return counter.snapshot();
        }
    }
}
