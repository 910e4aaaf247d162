package org.dyad.views.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import org.dyad.views.query.LoggedEvents;
import org.dyad.views.query.RecordDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
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
 */
@Component
public class LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final int BATCH = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration heartbeat;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "dyad-live-feed"));

    LiveFeed(NamedParameterJdbcTemplate jdbc, @Value("${dyad.stream.heartbeat:PT15S}") Duration heartbeat) {
        this.jdbc = jdbc;
        this.heartbeat = heartbeat;
        poller.scheduleWithFixedDelay(this::deliver, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Opens a feed after {@code lastEventId} (or from now when absent) for events involving all {@code parties}. */
    public SseEmitter open(List<String> parties, List<String> types, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(0L);
        long cursor = lastEventId != null ? lastEventId
                : jdbc.getJdbcTemplate().queryForObject("SELECT coalesce(max(seq), 0) FROM views.event_log", Long.class);
        Subscriber subscriber = new Subscriber(emitter, parties, types, cursor);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        try {
            // at once, so that a client knows the feed is open before the first event or heartbeat
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException e) {
            subscribers.remove(subscriber);
            emitter.completeWithError(e);
        }
        return emitter;
    }

    private void deliver() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.catchUp();
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(subscriber);
                subscriber.emitter.completeWithError(e);
            } catch (RuntimeException e) {
                log.warn("Live feed could not read the event log: {}", e.getMessage());
            }
        }
    }

    @PreDestroy
    void close() {
        poller.shutdownNow();
        subscribers.forEach(s -> s.emitter.complete());
    }

    private final class Subscriber {

        final SseEmitter emitter;
        final List<String> parties;
        final List<String> types;
        long cursor;
        long lastSentAt = System.nanoTime();

        Subscriber(SseEmitter emitter, List<String> parties, List<String> types, long cursor) {
            this.emitter = emitter;
            this.parties = parties;
            this.types = types;
            this.cursor = cursor;
        }

        void catchUp() throws IOException {
            MapSqlParameterSource params = new MapSqlParameterSource("cursor", cursor).addValue("limit", BATCH);
            StringBuilder where = new StringBuilder(" WHERE seq > :cursor");
            if (!parties.isEmpty()) {
                where.append(" AND parties @> CAST(:parties AS text[])");
                params.addValue("parties", parties.toArray(String[]::new));
            }
            if (!types.isEmpty()) {
                where.append(" AND type IN (:types)");
                params.addValue("types", types);
            }
            List<ObjectNode> events = jdbc.query("SELECT seq, event_id, type, aggregate_type, aggregate_id, valid_on,"
                    + " recorded_at, client, correlation_id, payload FROM views.event_log" + where + " ORDER BY seq LIMIT :limit", params,
                    (rs, n) -> {
                        ObjectNode event = LoggedEvents.entry(rs);
                        event.put("seq", rs.getLong("seq"));
                        event.set("event", RecordDocuments.readTree(rs.getString("payload")));
                        return event;
                    });
            for (ObjectNode event : events) {
                long seq = event.remove("seq").asLong();
                emitter.send(SseEmitter.event().id(Long.toString(seq)).name(event.path("type").asText())
                        .data(event, MediaType.APPLICATION_JSON));
                cursor = seq;
                lastSentAt = System.nanoTime();
            }
            if (System.nanoTime() - lastSentAt > heartbeat.toNanos()) {
                emitter.send(SseEmitter.event().comment("heartbeat"));
                lastSentAt = System.nanoTime();
            }
        }
    }
}
