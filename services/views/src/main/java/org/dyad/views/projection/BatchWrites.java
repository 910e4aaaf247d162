package org.dyad.views.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.dyad.contracts.wire.DyadJson;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the projections of one batch write: rows grouped by statement (each statement runs as one JDBC batch, in the
 * order first added, so that a poll of many events costs a few round trips), the relationship counts to bring up to
 * date and the actors whose answers change.
 */
final class BatchWrites {

    private final ViewTables tables;
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    private final RelationshipCounts counts;
    private final ChangedActors changed = new ChangedActors();

    BatchWrites(ViewTables tables) {
        this.tables = tables;
        this.counts = new RelationshipCounts(tables);
    }

    /** The tables written, to read rows as they stand before the batch. */
    ViewTables tables() {
        return tables;
    }

    RelationshipCounts counts() {
        return counts;
    }

    ChangedActors changed() {
        return changed;
    }

    void add(String statement, Object... args) {
        rows.computeIfAbsent(statement, k -> new ArrayList<>()).add(args);
    }

    /** Writes the rows, then the counts and the changed actors (both read the rows just written). */
    void flush() {
        rows.forEach(tables::batchUpdate);
        counts.write();
        changed.write(tables);
    }

    Array textArray(Collection<String> values) {
        return tables.textArray(values);
    }

    static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    static String json(Object value) {
        try {
            return DyadJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
