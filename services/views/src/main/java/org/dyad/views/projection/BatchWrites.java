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
 * order first added, so that a poll of many events costs a few round trips), rows appended to a table with
 * {@code COPY} ({@link CopyRows}, in the same order), the relationship counts to bring up to date and the actors
 * whose answers change.
 */
final class BatchWrites {

    private final ViewTables tables;
    /** Per statement its JDBC batch's rows, per COPY target its rows, in the order first added. */
    private final Map<Object, Object> writes = new LinkedHashMap<>();
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

    @SuppressWarnings("unchecked")
    void add(String statement, Object... args) {
        ((List<Object[]>) writes.computeIfAbsent(statement, k -> new ArrayList<>())).add(args);
    }

    /** A row appended with {@code COPY}; a table's rows go in one COPY, in its place among the statements. */
    void copy(CopyRows.Target target, Object... values) {
        ((CopyRows) writes.computeIfAbsent(target, k -> new CopyRows(target))).add(values);
    }

    /** Rows appended with {@code COPY}, encoded apart; a table's rows go in one COPY, in its place. */
    void copyAll(CopyRows rows) {
        ((CopyRows) writes.computeIfAbsent(rows.target(), k -> new CopyRows(rows.target()))).addAll(rows);
    }

    /**
     * Fixes the order of these statements and COPY targets among those added later, for rows that must be written
     * before others (a deal's row before its states) whichever record of the batch adds them first.
     */
    void inOrder(Object... statementsOrTargets) {
        for (Object write : statementsOrTargets) {
            writes.computeIfAbsent(write, k -> k instanceof CopyRows.Target t ? new CopyRows(t) : new ArrayList<>());
        }
    }

    /** The rows of one record, folded apart ({@link RecordRows}). */
    void addAll(RecordRows record) {
        record.addTo(this);
    }

    /**
     * Writes the rows, then the counts and the changed actors (both read the rows just written). A collection of
     * texts in a statement's row is bound as a {@code text[]}.
     */
    @SuppressWarnings("unchecked")
    void flush() {
        writes.forEach((write, rows) -> {
            if (rows instanceof CopyRows copy) {
                tables.copy(copy);
            } else {
                List<Object[]> bound = (List<Object[]>) rows;
                bound.forEach(row -> {
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] instanceof Collection<?> texts) {
                            row[i] = tables.textArray(texts.stream().map(String.class::cast).toList());
                        }
                    }
                });
                tables.batchUpdate((String) write, bound);
            }
        });
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
