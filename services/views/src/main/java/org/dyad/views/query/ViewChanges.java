package org.dyad.views.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.dyad.views.projection.ViewCommitSignals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What this process knows of the views' changes without asking the database: for each actor, how many commits changing
 * records naming it it has learnt of, and how many commits changing the views. {@link AnswerCache} keeps answers under
 * these counts instead of reading {@code views.actor_change} for every query.
 * <p>
 * It learns of a commit two ways. A commit made in this process signals it around the commit itself
 * ({@link ViewCommitSignals}): from just before the commit until the counts are raised after it, answers about its
 * actors are not served as kept, so no kept answer is served once the commit can be seen. A commit made by another
 * process is learnt of by {@code LISTEN} (its {@code NOTIFY} is sent on commit), a moment after it. A reader of its own
 * write (a consistency token: {@link #readingOwnWrite}) reads the views' count and uses what was learnt once the
 * notifications have reached that count (they are on their way for a moment at most), else the counts read from the
 * database, as whenever this process is not listening (at start, or after the listening connection was lost: all
 * counts then start again).
 */
@Component
public class ViewChanges implements ViewCommitSignals.Listener {

    private static final ThreadLocal<Boolean> OWN_WRITE = new ThreadLocal<>();
    /** How long a reader of its own write waits for notifications on their way before reading the counts. */
    private static final Duration CATCH_UP = Duration.ofMillis(100);

    /** Raised whenever what was learnt may be incomplete; keys made before are never matched again. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong viewChanges = new AtomicLong();
    private final ConcurrentHashMap<String, Long> actorChanges = new ConcurrentHashMap<>();
    private final AtomicInteger committing = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> actorsCommitting = new ConcurrentHashMap<>();
    /** A commit in flight that changes every answer (it names no actor). */
    private final AtomicInteger allCommitting = new AtomicInteger();
    private volatile boolean listening;
    private volatile Consumer<Collection<String>> notifiedChange;
    /** The live table and the count up to which its notifications were applied. */
    private volatile long[] notified = {0, 0};
    private final JdbcTemplate jdbc;
    private final Counter fromMemory;
    private final Counter fromDatabase;
    private final Counter lost;

    private final DataSource dataSource;

    ViewChanges(DataSource dataSource, JdbcTemplate jdbc, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.fromMemory = Counter.builder("dyad.views.answer.state").tag("from", "memory")
                .description("kept-answer lookups whose state came from the change notifications").register(meters);
        this.fromDatabase = Counter.builder("dyad.views.answer.state").tag("from", "database")
                .description("kept-answer lookups whose state was read from the database").register(meters);
        this.lost = Counter.builder("dyad.views.change.notifications.lost")
                .description("times the views' change notifications were lost (connection) or missed a change,"
                        + " making every kept answer computed anew").register(meters);
        ViewCommitSignals.register(dataSource, this);
    }

    @PreDestroy
    void close() {
        ViewCommitSignals.unregister(dataSource, this);
        notListening();
    }

    /**
     * The state an answer about {@code actors} (about the whole views, when empty) depends on, as this process knows
     * it, or {@code null} when it must be read from the database: not listening, a reader waiting for its own write,
     * or a commit changing these actors in flight.
     */
    String state(Collection<String> actors) {
        if (!listening || inFlight(actors) || (OWN_WRITE.get() != null && !caughtUpWithTheDatabase())) {
            fromDatabase.increment();
            return null;
        }
        StringBuilder state = new StringBuilder("n").append(generation.get()).append(':');
        if (actors.isEmpty()) {
            state.append(viewChanges.get());
        } else {
            actors.stream().distinct().sorted().forEach(actor -> state.append(actor).append('=')
                    .append(actorChanges.getOrDefault(actor, 0L)).append(','));
        }
        if (!listening) {
            // lost meanwhile: what was read may be incomplete
            fromDatabase.increment();
            return null;
        }
        fromMemory.increment();
        return state.toString();
    }

    /**
     * Whether the notifications have told of every commit the database has counted by now: for a reader of its own
     * write, whose write is among them. Waits a moment for notifications on their way.
     */
    private boolean caughtUpWithTheDatabase() {
        long[] counted = jdbc.query("SELECT tableoid, changes FROM views.view_change",
                rs -> rs.next() ? new long[]{rs.getLong(1), rs.getLong(2)} : null);
        if (counted == null) {
            return false;
        }
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            long[] notified = this.notified;
            if (notified[0] == counted[0] && notified[1] >= counted[1]) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0 || !listening) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
    }

    /** The listener has applied every notification of {@code table} up to {@code count}. */
    public void notified(long table, long count) {
        long[] known = notified;
        if (known[0] != table || known[1] < count) {
            notified = new long[]{table, count};
        }
    }

    private boolean inFlight(Collection<String> actors) {
        if (committing.get() == 0) {
            return false;
        }
        if (actors.isEmpty() || allCommitting.get() > 0) {
            return true;
        }
        for (String actor : actors) {
            if (actorsCommitting.containsKey(actor)) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code answer} with the state of kept answers read from the database: for a reader of its own write. */
    public static <T> T readingOwnWrite(Supplier<T> answer) {
        OWN_WRITE.set(Boolean.TRUE);
        try {
            return answer.get();
        } finally {
            OWN_WRITE.remove();
        }
    }

    @Override
    public void committing(Set<String> actors) {
        committing.incrementAndGet();
        if (actors.isEmpty()) {
            allCommitting.incrementAndGet();
        }
        actors.forEach(actor -> actorsCommitting.merge(actor, 1, Integer::sum));
    }

    @Override
    public void completed(Set<String> actors, boolean committed) {
        if (committed) {
            count(actors);
        }
        actors.forEach(actor -> actorsCommitting.computeIfPresent(actor, (a, n) -> n == 1 ? null : n - 1));
        if (actors.isEmpty()) {
            allCommitting.decrementAndGet();
        }
        committing.decrementAndGet();
    }

    /**
     * A notification told of a commit that changed the views and the records naming {@code actors}; those told of
     * it with {@link #onNotifiedChange} are, once it is counted.
     */
    public void changed(Collection<String> actors) {
        count(actors);
        Consumer<Collection<String>> listener = notifiedChange;
        if (listener != null && !actors.isEmpty()) {
            listener.accept(actors);
        }
    }

    private void count(Collection<String> actors) {
        actors.forEach(actor -> actorChanges.merge(actor, 1L, Long::sum));
        viewChanges.incrementAndGet();
    }

    /**
     * Tells {@code listener} of each change a notification tells of, with its actors, once counted: every commit,
     * of this process or another, sends one. It is called on the thread following the notifications and must not
     * hold it.
     */
    void onNotifiedChange(Consumer<Collection<String>> listener) {
        this.notifiedChange = listener;
    }

    /** A commit changed the views and records naming any actor (the notification could not name them all). */
    public void changedAll() {
        generation.incrementAndGet();
    }

    /** A change may have gone unnoticed (a notification missed, or the tables replaced): everything changed. */
    public void missed() {
        lost.increment();
        generation.incrementAndGet();
    }

    /** Listening from now on: every commit after this is learnt of. */
    public void listening() {
        generation.incrementAndGet();
        listening = true;
    }

    /** Not listening (the connection was lost, or a notification may have been): read the state from the database. */
    public void notListening() {
        if (listening) {
            lost.increment();
        }
        listening = false;
        generation.incrementAndGet();
    }

    public boolean isListening() {
        return listening;
    }
}
