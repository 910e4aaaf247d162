package org.dyad.views.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.dyad.support.web.ApiProblemException;
import org.dyad.support.web.PerPrincipalBound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets a client read its own write. A recording command answers a consistency token {@code <id>@<version>}; a query
 * given it as {@code waitFor} is answered once the views have applied that version, or when the time limit passes
 * (then with what the views hold, marked as not consistent).
 * <p>
 * No thread waits for a client: a query that must wait is parked as a waiter and its request is released to the
 * container (Servlet async, a {@link DeferredResult}); one scheduler thread looks up the versions of every parked waiter's records in one query
 * per tick and hands each waiter whose writes are all applied (or whose time is up) to a small pool that computes its
 * answer. Each principal may have a bounded number of waiters at once; over it a query is refused with 429 and
 * {@code Retry-After} before anything is parked.
 * <p>
 * A token is checked before anything waits: it must be {@code <id>@<version>} with an id as the write side issues
 * them ({@code [a-z0-9][a-z0-9-]{2,63}}) and a version of at most 18 digits; otherwise the query is refused with 400
 * naming {@code waitFor}. So is a token that names no stored write ({@link #refuseUnrecorded}); a token for a stored
 * write the views have not applied yet waits.
 */
@Component
public class ConsistencyGate {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyGate.class);
    /** The record ids the write side issues, and a sequence number. */
    /** A record's id (an actor's record is known by its three-letter code) and version. */
    private static final Pattern TOKEN = Pattern.compile("([a-z0-9][a-z0-9-]{2,63}|[A-Z]{3})@([0-9]{1,18})");
    static final int MAX_TOKENS = 20;
    /** Time for computing an answer after the wait, within the request's time limit. */
    static final Duration ANSWER_TIME = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final Duration limit;
    private final PerPrincipalBound waitersPerPrincipal;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService poller = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "dyad-consistency-poller"));
    private final ExecutorService answering;

    ConsistencyGate(JdbcTemplate jdbc, MeterRegistry meters,
                    @Value("${dyad.views.wait.limit:PT10S}") Duration limit,
                    @Value("${dyad.views.wait.max-per-principal:20}") int maxPerPrincipal,
                    @Value("${dyad.views.wait.poll-interval:PT0.02S}") Duration pollInterval,
                    @Value("${dyad.views.wait.answer-threads:4}") int answerThreads) {
        this.jdbc = jdbc;
        this.limit = limit;
        this.waitersPerPrincipal = new PerPrincipalBound(maxPerPrincipal);
        AtomicInteger threads = new AtomicInteger();
        this.answering = new ThreadPoolExecutor(answerThreads, answerThreads, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), r -> daemon(r, "dyad-consistent-answer-" + threads.incrementAndGet()));
        Gauge.builder("dyad.views.consistency.waiters", waiters, ConcurrentLinkedQueue::size)
                .description("queries parked until the writes they wait for are applied").register(meters);
        poller.scheduleWithFixedDelay(this::releaseReached, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * The answer computed by {@code answer} once every {@code waitFor} token is applied (given {@code true}) or the
     * limit passed ({@code false}). With no token, or all already applied, it is computed at once on the calling
     * thread; otherwise on the gate's pool, and the calling (request) thread is not held. The request's own time
     * limit is the wait's plus {@link #ANSWER_TIME} to compute the answer.
     *
     * @throws ApiProblemException   400 for a malformed token, or one that names no stored write
     * @throws ErrorResponseException 429 when the caller already has its maximum of waiters
     */
    public <T> DeferredResult<T> whenReached(List<String> waitFor, Function<Boolean, T> answer) {
        Map<String, Long> tokens = parse(waitFor);
        DeferredResult<T> result = new DeferredResult<>(limit.plus(ANSWER_TIME).toMillis());
        if (tokens.isEmpty()) {
            result.setResult(answer.apply(true));
            return result;
        }
        if (allApplied(tokens, appliedVersions(tokens.keySet()))) {
            result.setResult(ViewChanges.readingOwnWrite(() -> answer.apply(true)));
            return result;
        }
        refuseUnrecorded(tokens);
        String principal = currentPrincipal();
        if (!waitersPerPrincipal.tryTake(principal)) {
            throw tooManyWaiters(principal);
        }
        Waiter waiter = new Waiter(principal, tokens, System.nanoTime() + limit.toNanos());
        waiters.add(waiter);
        waiter.reached.thenApplyAsync(reached -> ViewChanges.readingOwnWrite(() -> answer.apply(reached)), answering)
                .whenComplete((value, error) -> {
                    if (error == null) {
                        result.setResult(value);
                    } else {
                        result.setErrorResult(error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error);
                    }
                });
        return result;
    }

    /** Waiters parked now. */
    public int waiting() {
        return waiters.size();
    }

    static Map<String, Long> parse(List<String> waitFor) {
        if (waitFor == null || waitFor.isEmpty()) {
            return Map.of();
        }
        if (waitFor.size() > MAX_TOKENS) {
            throw ApiProblemException.badRequest("waitFor", "at most " + MAX_TOKENS + " tokens, not " + waitFor.size());
        }
        Map<String, Long> tokens = new LinkedHashMap<>();
        for (String token : waitFor) {
            Matcher matcher = TOKEN.matcher(token == null ? "" : token.trim());
            if (!matcher.matches()) {
                throw ApiProblemException.badRequest("waitFor", "'" + token + "' is not a consistency token: it must"
                        + " be <id>@<version> as a recording command answers it (an id of 3-64 lower-case letters,"
                        + " digits or '-', or an actor's code, and a version of at most 18 digits)");
            }
            tokens.merge(matcher.group(1), Long.parseLong(matcher.group(2)), Math::max);
        }
        return tokens;
    }

    private static String currentPrincipal() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null ? "" : caller.getName();
    }

    private ErrorResponseException tooManyWaiters(String principal) {
        long earliest = Long.MAX_VALUE;
        for (Waiter waiter : waiters) {
            if (waiter.principal.equals(principal)) {
                earliest = Math.min(earliest, waiter.deadline);
            }
        }
        long nanos = earliest == Long.MAX_VALUE ? 0 : earliest - System.nanoTime();
        long retryAfter = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return PerPrincipalBound.refusal("Too many waiting queries", principal + " already has "
                + waitersPerPrincipal.max() + " queries waiting for writes (waitFor), the most allowed at once;"
                + " nothing was done; retry in " + retryAfter + " s", retryAfter);
    }

    private void releaseReached() {
        if (waiters.isEmpty()) {
            return;
        }
        List<Waiter> parked = new ArrayList<>(waiters);
        Map<String, Long> applied;
        try {
            List<String> ids = parked.stream().flatMap(w -> w.tokens.keySet().stream()).distinct().toList();
            applied = appliedVersions(ids);
        } catch (RuntimeException e) {
            log.warn("Cannot read the views' applied versions for waiting queries: {}", e.getMessage());
            applied = Map.of();
        }
        long now = System.nanoTime();
        for (Waiter waiter : parked) {
            if (allApplied(waiter.tokens, applied)) {
                release(waiter, true);
            } else if (now - waiter.deadline >= 0) {
                release(waiter, false);
            }
        }
    }

    private void release(Waiter waiter, boolean reached) {
        if (waiters.remove(waiter)) {
            waitersPerPrincipal.giveBack(waiter.principal);
            waiter.reached.complete(reached);
        }
    }

    private static boolean allApplied(Map<String, Long> tokens, Map<String, Long> applied) {
        return tokens.entrySet().stream().allMatch(t -> applied.getOrDefault(t.getKey(), -1L) >= t.getValue());
    }

    /**
     * Refuses at once a token that names no stored write: a command is answered only after its events commit, so
     * every token a client was given is in the event store by the time it can be sent here. The event store shares
     * the views' database (schema {@code ledger}); where it is not there, tokens wait as for any write on its way.
     */
    private void refuseUnrecorded(Map<String, Long> tokens) {
        Map<String, Long> recorded = recordedVersions(tokens.keySet());
        if (recorded == null) {
            return;
        }
        for (Map.Entry<String, Long> token : tokens.entrySet()) {
            Long latest = recorded.get(token.getKey());
            if (latest == null || latest < token.getValue()) {
                throw ApiProblemException.badRequest("waitFor", "'" + token.getKey() + "@" + token.getValue()
                        + "' names no recorded write: " + (latest == null ? "no record '" + token.getKey()
                        + "' was ever recorded" : "record '" + token.getKey() + "' is at version " + latest)
                        + "; pass a token as a recording command answered it");
            }
        }
    }

    /** The latest stored version of each record, or null when the event store is not in this database. */
    private Map<String, Long> recordedVersions(java.util.Collection<String> ids) {
        try {
            return versions("""
                    SELECT aggregate_identifier, max(sequence_number) FROM ledger.domain_event_entry
                    WHERE aggregate_identifier = ANY (?) GROUP BY aggregate_identifier""", ids);
        } catch (BadSqlGrammarException noEventStore) {
            log.debug("No event store in the views' database; waitFor tokens are not checked against it");
            return null;
        }
    }

    private Map<String, Long> appliedVersions(java.util.Collection<String> ids) {
        return versions("SELECT aggregate_id, version FROM views.applied_version WHERE aggregate_id = ANY (?)", ids);
    }

    /** Record id → version, from a query of both whose one parameter is the ids. */
    private Map<String, Long> versions(String query, java.util.Collection<String> ids) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.query(query, ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", ids.toArray())),
                rs -> {
                    versions.put(rs.getString(1), rs.getLong(2));
                });
        return versions;
    }

    @PreDestroy
    void close() {
        poller.shutdownNow();
        waiters.forEach(w -> release(w, false));
        answering.shutdown();
    }

    private static final class Waiter {

        final String principal;
        final Map<String, Long> tokens;
        final long deadline;
        final CompletableFuture<Boolean> reached = new CompletableFuture<>();

        Waiter(String principal, Map<String, Long> tokens, long deadline) {
            this.principal = principal;
            this.tokens = tokens;
            this.deadline = deadline;
        }
    }
}
