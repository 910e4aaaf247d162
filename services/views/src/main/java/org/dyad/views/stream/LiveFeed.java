package org.dyad.views.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dyad.support.web.PerPrincipalBound;
import org.dyad.views.query.LoggedEvents;
import org.dyad.views.query.ViewDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live feed behind {@code GET /api/v1/stream}. Each subscriber has a cursor in the views' event log (the order
 * in which the views received events) and is sent, in order, the events after it that match its filters; the SSE
 * event id is that position, so a client reconnecting with {@code Last-Event-ID} continues with no gap and no
 * duplicate. A comment line is sent as a heartbeat when nothing else was.
 * <p>
 * No subscriber can hold up another. Each has its own bounded buffer of events read for it and not yet taken by its
 * connection, and is written with non-blocking Servlet output: a write is made only while the container says the
 * connection can take it, and the rest waits in the buffer until the container calls back. No thread ever blocks on
 * a socket. A subscriber that falls behind — its buffer full, or its connection unable to take anything for longer
 * than the send timeout — is disconnected; the feed opens with a {@code retry:} field, so a client reconnects after
 * that pause with {@code Last-Event-ID} and continues where it stopped. Each principal may hold a bounded number of
 * feeds at once; over it a request is refused with 429 before anything is opened.
 */
@Component
public class LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration heartbeat;
    private final int bufferEvents;
    private final Duration sendTimeout;
    private final Duration retry;
    private final PerPrincipalBound feedsPerPrincipal;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Counter fallenBehind;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dyad-live-feed");
        thread.setDaemon(true);
        return thread;
    });

    LiveFeed(NamedParameterJdbcTemplate jdbc, MeterRegistry meters,
             @Value("${dyad.stream.heartbeat:PT15S}") Duration heartbeat,
             @Value("${dyad.stream.buffer-events:1000}") int bufferEvents,
             @Value("${dyad.stream.send-timeout:PT10S}") Duration sendTimeout,
             @Value("${dyad.stream.retry:PT3S}") Duration retry,
             @Value("${dyad.stream.max-per-principal:10}") int maxPerPrincipal,
             @Value("${dyad.stream.poll-interval:PT0.2S}") Duration pollInterval) {
        this.jdbc = jdbc;
        this.heartbeat = heartbeat;
        this.bufferEvents = bufferEvents;
        this.sendTimeout = sendTimeout;
        this.retry = retry;
        this.feedsPerPrincipal = new PerPrincipalBound(maxPerPrincipal);
        Gauge.builder("dyad.stream.subscribers", subscribers, Set::size)
                .description("open live-feed connections").register(meters);
        this.fallenBehind = Counter.builder("dyad.stream.disconnected.behind")
                .description("live-feed subscribers disconnected because they fell behind").register(meters);
        poller.scheduleWithFixedDelay(this::deliver, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a feed on this request after {@code lastEventId} (or from now when absent) for events involving all
     * {@code parties} and of one of {@code types} (any when empty). The response is written from then on without
     * holding the request's thread.
     *
     * @throws ErrorResponseException 429 when {@code principal} already holds its maximum of feeds
     */
    public void open(HttpServletRequest request, HttpServletResponse response, String principal,
                     List<String> parties, List<String> types, Long lastEventId) throws IOException {
        if (!feedsPerPrincipal.tryTake(principal)) {
            throw tooManyFeeds(principal);
        }
        long cursor;
        try {
            cursor = lastEventId != null ? lastEventId : jdbc.getJdbcTemplate()
                    .queryForObject("SELECT coalesce(max(seq), 0) FROM views.event_log", Long.class);
        } catch (RuntimeException e) {
            feedsPerPrincipal.giveBack(principal);
            throw e;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("text/event-stream");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        // a proxy that buffers would hold events back
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        Subscriber subscriber = new Subscriber(async, response.getOutputStream(), principal, parties, types, cursor);
        async.addListener(subscriber);
        // at once, so that a client knows the feed is open (and how long to pause before reconnecting) before the
        // first event or heartbeat
        subscriber.enqueue("retry: " + retry.toMillis() + "\n: open\n\n");
        // from here on the output never blocks; the container calls the subscriber when it can take the first frame
        subscriber.output.setWriteListener(subscriber);
        subscribers.add(subscriber);
    }

    private ErrorResponseException tooManyFeeds(String principal) {
        return PerPrincipalBound.refusal("Too many live feeds", principal + " already holds "
                + feedsPerPrincipal.max() + " live feeds, the most allowed at once; close one first", retry.toSeconds());
    }

    private void deliver() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.poll();
            } catch (RuntimeException e) {
                log.warn("Live feed could not read the event log: {}", e.getMessage());
            }
        }
    }

    @PreDestroy
    void close() {
        poller.shutdownNow();
        subscribers.forEach(Subscriber::disconnect);
    }

    private final class Subscriber implements WriteListener, AsyncListener {

        final AsyncContext async;
        final ServletOutputStream output;
        final String principal;
        final List<String> parties;
        final List<String> types;
        /** Position of the last event put into the buffer. */
        long cursor;
        /** Frames not yet handed to the connection; events count against the buffer's bound. */
        final ArrayDeque<Frame> frames = new ArrayDeque<>();
        int bufferedEvents;
        /** Whether bytes were written since the last flush. */
        boolean unflushed;
        long lastQueuedAt = System.nanoTime();
        /** When the connection last could not take a write, or 0 while it can. */
        long blockedSince;
        boolean closed;
        /** A write failed: the connection is gone. */
        boolean failed;

        Subscriber(AsyncContext async, ServletOutputStream output, String principal, List<String> parties,
                   List<String> types, long cursor) {
            this.async = async;
            this.output = output;
            this.principal = principal;
            this.parties = parties;
            this.types = types;
            this.cursor = cursor;
        }

        /** Reads what is new for this subscriber into its buffer, or disconnects it if it has fallen behind. */
        void poll() {
            long now = System.nanoTime();
            String behind = null;
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (failed) {
                    behind = "";
                } else if (blockedSince != 0 && now - blockedSince > sendTimeout.toNanos()) {
                    behind = "its connection took nothing for " + sendTimeout.toMillis() + " ms";
                } else if (bufferedEvents >= bufferEvents) {
                    behind = "it left " + bufferEvents + " events unread";
                }
            }
            if (behind != null) {
                if (!behind.isEmpty()) {
                    log.info("Live feed: disconnecting {} at event {}: {}", principal, cursor, behind);
                    fallenBehind.increment();
                }
                disconnect();
                return;
            }
            List<ObjectNode> events = read(bufferEvents - bufferedEvents);
            synchronized (this) {
                if (closed) {
                    return;
                }
                for (ObjectNode event : events) {
                    long seq = event.remove("seq").asLong();
                    frames.add(new Frame("id: " + seq + "\nevent: " + event.path("type").asText() + "\ndata: "
                            + event + "\n\n", true));
                    bufferedEvents++;
                    cursor = seq;
                    lastQueuedAt = now;
                }
                if (events.isEmpty() && frames.isEmpty() && now - lastQueuedAt > heartbeat.toNanos()) {
                    frames.add(new Frame(": heartbeat\n\n", false));
                    lastQueuedAt = now;
                }
                write();
            }
        }

        private List<ObjectNode> read(int limit) {
            if (limit <= 0) {
                return List.of();
            }
            MapSqlParameterSource params = new MapSqlParameterSource("cursor", cursor).addValue("limit", limit);
            StringBuilder where = new StringBuilder(" WHERE seq > :cursor");
            if (!parties.isEmpty()) {
                where.append(" AND parties @> CAST(:parties AS text[])");
                params.addValue("parties", parties.toArray(String[]::new));
            }
            if (!types.isEmpty()) {
                where.append(" AND type IN (:types)");
                params.addValue("types", types);
            }
            return jdbc.query("SELECT seq, event_id, type, aggregate_type, aggregate_id, valid_on, recorded_at,"
                    + " client, correlation_id, payload FROM views.event_log" + where + " ORDER BY seq LIMIT :limit",
                    params, (rs, n) -> {
                        ObjectNode event = LoggedEvents.entry(rs);
                        event.put("seq", rs.getLong("seq"));
                        event.set("event", ViewDocuments.readTree(rs.getString("payload")));
                        return event;
                    });
        }

        synchronized void enqueue(String comment) {
            frames.add(new Frame(comment, false));
        }

        /** Hands buffered frames to the connection while it can take them; never blocks. */
        private void write() {
            if (closed) {
                return;
            }
            try {
                while (!frames.isEmpty() && output.isReady()) {
                    Frame frame = frames.poll();
                    if (frame.event()) {
                        bufferedEvents--;
                    }
                    output.write(frame.bytes());
                    unflushed = true;
                }
                if (unflushed && output.isReady()) {
                    output.flush();
                    unflushed = false;
                }
                // isReady() answering false also asks the container to call onWritePossible once it can write
                blockedSince = output.isReady() ? 0 : blockedSince != 0 ? blockedSince : System.nanoTime();
            } catch (IOException | IllegalStateException e) {
                closeLater();
            }
        }

        /** Ends the feed: forgets the subscriber and completes its response. */
        void disconnect() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                frames.clear();
            }
            subscribers.remove(this);
            feedsPerPrincipal.giveBack(principal);
            try {
                // outside the subscriber's lock: the container may be calling onWritePossible, holding its own
                async.complete();
            } catch (IllegalStateException e) {
                // already completed by the container
            }
        }

        /** A write failed under the subscriber's lock: the feed is ended by the poller's next pass. */
        private void closeLater() {
            frames.clear();
            failed = true;
        }

        @Override
        public synchronized void onWritePossible() {
            write();
        }

        @Override
        public void onError(Throwable t) {
            disconnect();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            disconnect();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            disconnect();
        }

        @Override
        public void onError(AsyncEvent event) {
            disconnect();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    private record Frame(byte[] bytes, boolean event) {

        Frame(String text, boolean event) {
            this(text.getBytes(StandardCharsets.UTF_8), event);
        }
    }
}
