package org.dyad.views.projection;

import java.util.List;
import java.util.Set;

/**
 * Builds the rows of one kind of Dyad record (deal, agreement or statement) from the records' histories. The
 * {@link BatchProjector} hands each projection the records of its kind that a batch changed.
 */
interface RecordProjection {

    /** The kind of record it builds, as {@code EventCatalog.aggregateOf} names it: deal, agreement, statement. */
    String recordType();

    /**
     * Rewrites the rows of these records (removing those of a record whose founding event is retracted) and tells
     * the batch which pairs and actors they concern. Rows of {@code newRecords} are not in the views yet.
     */
    void rewrite(List<RecordHistory> records, Set<String> newRecords, BatchWrites batch);

    /**
     * The work of a rewrite that needs nothing but the records' histories (no table read or written), done on
     * another thread while the batch writes its event log; {@code null} when the projection has none.
     */
    default Object prepare(List<RecordHistory> records, Set<String> newRecords) {
        return null;
    }

    /** As {@link #rewrite(List, Set, BatchWrites)}, with what {@link #prepare} answered for the same records. */
    default void rewrite(List<RecordHistory> records, Set<String> newRecords, BatchWrites batch, Object prepared) {
        rewrite(records, newRecords, batch);
    }
}
