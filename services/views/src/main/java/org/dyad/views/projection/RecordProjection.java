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
}
