package org.dyad.views.projection;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows one record's rewrite adds, kept in the order added until they join the batch's
 * ({@link BatchWrites#addAll}). Records are folded on several threads at once into their own {@code RecordRows}, and
 * their rows join the batch one record after another, in the records' order, as if folded one by one.
 */
final class RecordRows {

    private record Row(Object statementOrTarget, Object[] values) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** A row of a statement's JDBC batch; texts' collections are bound as {@code text[]}. */
    void add(String statement, Object... args) {
        rows.add(new Row(statement, args));
    }

    /** A row appended with {@code COPY}. */
    void copy(CopyRows.Target target, Object... values) {
        rows.add(new Row(target, values));
    }

    void addTo(BatchWrites batch) {
        for (Row row : rows) {
            if (row.statementOrTarget() instanceof CopyRows.Target target) {
                batch.copy(target, row.values());
            } else {
                batch.add((String) row.statementOrTarget(), row.values());
            }
        }
    }
}
