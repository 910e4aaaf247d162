package org.dyad.views.projection;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows one record's rewrite adds, kept in the order added until they join the batch's
 * ({@link BatchWrites#addAll}). Records are folded on several threads at once into their own {@code RecordRows}, and
 * their rows join the batch one record after another, in the records' order, as if folded one by one. Rows appended
 * with {@code COPY} are encoded here, on the folding thread; consecutive ones of the same table join the batch as
 * one piece of text.
 */
final class RecordRows {

    private record Row(String statement, Object[] values) {
    }

    /** Statements' rows ({@link Row}) and COPY rows ({@link CopyRows}), in the order added. */
    private final List<Object> rows = new ArrayList<>();

    /** A row of a statement's JDBC batch; texts' collections are bound as {@code text[]}. */
    void add(String statement, Object... args) {
        rows.add(new Row(statement, args));
    }

    /** A row appended with {@code COPY}. */
    void copy(CopyRows.Target target, Object... values) {
        if (!rows.isEmpty() && rows.get(rows.size() - 1) instanceof CopyRows last && last.target().equals(target)) {
            last.add(values);
            return;
        }
        CopyRows copy = new CopyRows(target, 1_024);
        copy.add(values);
        rows.add(copy);
    }

    void addTo(BatchWrites batch) {
        for (Object row : rows) {
            if (row instanceof CopyRows copy) {
                batch.copyAll(copy);
            } else {
                Row statement = (Row) row;
                batch.add(statement.statement(), statement.values());
            }
        }
    }
}
