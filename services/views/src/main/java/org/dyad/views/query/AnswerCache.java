package org.dyad.views.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.dyad.views.ViewsProperties;
import org.dyad.views.model.Sources;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
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
 */
@Component
public class AnswerCache {

    private record Key(Object query, String state, LocalDate today) {
    }

    private final JdbcTemplate jdbc;
    private final ViewChanges changes;
    private final ObjectMapper json;
    private final Cache<Key, KeptAnswer> answers;
    /** Each query's latest key, so that its answer under an earlier state is let go once a later one is asked. */
    private final Cache<Object, Key> latestKeys;
    private final boolean enabled;

    AnswerCache(JdbcTemplate jdbc, ObjectMapper json, ViewsProperties properties, MeterRegistry meters,
                ViewChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.json = json;
        this.enabled = properties.answerCacheMib() > 0;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(properties.answerCacheMib() * 1024L * 1024L)
                .weigher((Key key, KeptAnswer answer) -> answer.weight())
                .expireAfterAccess(Duration.ofMinutes(10))
                .recordStats()
                .build();
        this.latestKeys = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
        // cache_gets_total{cache="view_answers", result="hit"|"miss"}, cache_size, cache_evictions_total
        CaffeineCacheMetrics.monitor(meters, answers, "view_answers");
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
        return answer(query, known != null ? known : actors.isEmpty() ? viewsState() : actorsState(actors), compute);
    }

    private JsonNode answer(Object query, String state, Supplier<? extends JsonNode> compute) {
        Key key = new Key(query, state, LocalDate.now());
        Key previous = latestKeys.asMap().put(query, key);
        if (previous != null && !previous.equals(key)) {
            // the answer under an earlier state is not asked for again
            answers.invalidate(previous);
        }
        return answers.get(key, k -> write(compute.get()));
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

    private KeptAnswer write(JsonNode answer) {
        try {
            JsonNode named = answer instanceof ObjectNode object ? Sources.gather(object) : answer;
            return KeptAnswer.of(json.writeValueAsString(ActorNames.addTo(named)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        }
    }
}
