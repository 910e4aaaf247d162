package org.dyad.views.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dyad.support.web.PerPrincipalBound;
import org.dyad.support.web.UserFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * <p>
 * Other modules push events to one user's feeds ({@link UserFeed}), e.g. alerts: such a frame has no id (it is not a
 * position in the event log, and a reconnection does not replay it) and goes only to that user's connections.
 */
@Component
public class LiveFeed implements UserFeed {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final FeedEvents events;
    private final FeedSubscriber.Limits limits;
    private final Duration retry;
    private final PerPrincipalBound feedsPerPrincipal;
    private final Set<FeedSubscriber> subscribers = ConcurrentHashMap.newKeySet();
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
        this.events = new FeedEvents(jdbc);
        this.limits = new FeedSubscriber.Limits(heartbeat, bufferEvents, sendTimeout);
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
            cursor = lastEventId != null ? lastEventId : events.latest();
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
        FeedSubscriber subscriber = new FeedSubscriber(async, response.getOutputStream(), principal, parties, types,
                cursor, limits, events, this::ended, fallenBehind);
        async.addListener(subscriber);
        // at once, so that a client knows the feed is open (and how long to pause before reconnecting) before the
        // first event or heartbeat
        subscriber.enqueue("retry: " + retry.toMillis() + "\n: open\n\n");
        // from here on the output never blocks; the container calls the subscriber when it can take the first frame
        subscriber.output.setWriteListener(subscriber);
        subscribers.add(subscriber);
    }

    @Override
    public void push(String principal, String eventName, String json) {
        String frame = "event: " + eventName + "\ndata: " + json.replace("\n", "\ndata: ") + "\n\n";
        for (FeedSubscriber subscriber : subscribers) {
            if (subscriber.principal.equals(principal)) {
                subscriber.push(frame);
            }
        }
    }

    private ErrorResponseException tooManyFeeds(String principal) {
        return PerPrincipalBound.refusal("Too many live feeds", principal + " already holds "
                + feedsPerPrincipal.max() + " live feeds, the most allowed at once; close one first", retry.toSeconds());
    }

    private void deliver() {
        for (FeedSubscriber subscriber : subscribers) {
            try {
                subscriber.poll();
            } catch (RuntimeException e) {
                LOG.warn("Live feed could not read the event log: {}", e.getMessage());
            }
        }
    }

    @PreDestroy
    void close() {
        poller.shutdownNow();
        subscribers.forEach(FeedSubscriber::disconnect);
    }

    /** A subscriber's feed ended: it is forgotten and its principal may open another. */
    private void ended(FeedSubscriber subscriber) {
        subscribers.remove(subscriber);
        feedsPerPrincipal.giveBack(subscriber.principal);
    }
}
