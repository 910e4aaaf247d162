package org.dyad.views.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.dyad.views.ViewsProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Keeps answers computed from the views until the views change. Every commit that changes them counts itself in
 * {@code views.view_change}; an answer is kept as its JSON (text and UTF-8 bytes) under its query, that count, the
 * table's identity (a rebuild brings a new table) and the day (answers for "now" depend on it), and is served again
 * while all four are the same. The count is read before the answer is computed: an answer may be newer than the
 * count it is kept under, never older, and the next commit makes a new key.
 */
@Component
public class AnswerCache {

    private record Key(Object query, String viewsState, LocalDate today) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Cache<Key, SerializedString> answers;
    private final boolean enabled;
    private volatile String lastState = "";

    AnswerCache(JdbcTemplate jdbc, ObjectMapper json, ViewsProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.enabled = properties.answerCacheMib() > 0;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(properties.answerCacheMib() * 1024L * 1024L)
                // the text and its UTF-8 bytes, about one byte per character each for mostly ASCII JSON
                .weigher((Key key, SerializedString text) -> 2 * text.charLength())
                .expireAfterAccess(Duration.ofMinutes(10))
                .recordStats()
                .build();
        // cache_gets_total{cache="view_answers", result="hit"|"miss"}, cache_size, cache_evictions_total
        CaffeineCacheMetrics.monitor(meters, answers, "view_answers");
    }

    /**
     * The answer to {@code query} (a value with equals and hashCode, such as a query record): as kept, or computed
     * now. Readers asking the same question while it is computed wait for that answer.
     */
    public JsonNode answer(Object query, Supplier<? extends JsonNode> compute) {
        if (!enabled) {
            return compute.get();
        }
        String state = viewsState();
        if (!state.equals(lastState)) {
            // answers kept under an earlier state are never asked for again
            lastState = state;
            answers.asMap().keySet().removeIf(k -> !k.viewsState().equals(state));
        }
        Key key = new Key(query, state, LocalDate.now());
        SerializedString text = answers.get(key, k -> write(compute.get()));
        return json.getNodeFactory().rawValueNode(new RawValue(text));
    }

    private String viewsState() {
        return jdbc.query("SELECT tableoid, changes FROM views.view_change",
                rs -> rs.next() ? rs.getLong(1) + ":" + rs.getLong(2) : "none");
    }

    /** The answer's text, with its UTF-8 bytes made now: each time it is served they are copied, not encoded. */
    private SerializedString write(JsonNode answer) {
        try {
            SerializedString text = new SerializedString(json.writeValueAsString(answer));
            text.asUnquotedUTF8();
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        }
    }
}
