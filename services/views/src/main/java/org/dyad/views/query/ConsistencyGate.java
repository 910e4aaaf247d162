package org.dyad.views.query;

import org.dyad.support.web.ApiProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Lets a client read its own write. A recording command answers a consistency token {@code <id>@<version>}; a query
 * given it as {@code waitFor} waits until the views have applied that version (or a time limit passes).
 */
@Component
public class ConsistencyGate {

    static final Duration LIMIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private final JdbcTemplate jdbc;

    ConsistencyGate(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for every token; answers whether all were reached within the limit. */
    public boolean await(List<String> tokens) {
        if (tokens == null || tokens.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + LIMIT.toNanos();
        for (String token : tokens) {
            int at = token.lastIndexOf('@');
            if (at <= 0 || !token.substring(at + 1).matches("[0-9]{1,18}")) {
                throw ApiProblemException.badRequest("waitFor", "'" + token + "' is not a token of the form id@version");
            }
            long version = Long.parseLong(token.substring(at + 1));
            String aggregateId = token.substring(0, at);
            while (!applied(aggregateId, version)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private boolean applied(String aggregateId, long version) {
        Long current = jdbc.query("SELECT version FROM views.applied_version WHERE aggregate_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, aggregateId);
        return current != null && current >= version;
    }
}
