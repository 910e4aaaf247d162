package org.dyad.views.projection;

import org.dyad.contracts.embargo.event.EmbargoImposed;
import org.dyad.contracts.embargo.event.EmbargoLifted;
import org.dyad.views.model.HistoryEntry;

import java.sql.Date;
import java.util.List;
import java.util.Set;

import static org.dyad.views.projection.BatchWrites.date;
import static org.dyad.views.projection.BatchWrites.json;

/**
 * Builds the views of embargoes and sanctions: the {@link EmbargoView} folded from an embargo's history, one
 * {@code on(…)} method per embargo event, and its rows in {@code views.embargo} and {@code views.embargo_actor}
 * (the imposer and the targets). Its status is not stored: it depends on the date asked about, and readers work it
 * out with {@link EmbargoView#on}.
 */
public final class EmbargoProjection implements RecordProjection {

    static final EventHandlers<EmbargoView> FOLD = new EventHandlers<EmbargoView>()
            .on(EmbargoImposed.class, EmbargoProjection::on)
            .on(EmbargoLifted.class, EmbargoProjection::on);

    private static final String UPSERT_EMBARGO = """
            INSERT INTO views.embargo (embargo_id, imposed_by, from_date, first_valid, last_valid, version, doc)
            VALUES (?, ?, ?, ?, ?, ?, ?::json)
            ON CONFLICT (embargo_id) DO UPDATE SET imposed_by = EXCLUDED.imposed_by,
                from_date = EXCLUDED.from_date, first_valid = EXCLUDED.first_valid,
                last_valid = EXCLUDED.last_valid, version = EXCLUDED.version, doc = EXCLUDED.doc""";

    @Override
    public String recordType() {
        return "embargo";
    }

    /** {@code null} when the embargo's imposition is retracted or not yet valid on the date asked about. */
    public static EmbargoView fold(List<HistoryEntry> history, long version) {
        EmbargoView embargo = new EmbargoView();
        for (HistoryEntry entry : history) {
            if (!entry.retracted()) {
                FOLD.apply(entry, embargo);
            }
        }
        if (embargo.embargoId == null) {
            return null;
        }
        embargo.history = history;
        embargo.version = version;
        return embargo;
    }

    static void on(EmbargoImposed e, HistoryEntry entry, EmbargoView embargo) {
        embargo.embargoId = e.embargoId();
        embargo.imposedBy = e.imposedBy();
        embargo.targets = e.targets();
        embargo.from = e.from();
        embargo.to = e.to();
        embargo.measures = e.measures();
        embargo.categories = e.categories();
        embargo.scope = e.scope();
        embargo.legalBasis = e.legalBasis();
        embargo.provenance = e.provenance();
    }

    static void on(EmbargoLifted e, HistoryEntry entry, EmbargoView embargo) {
        embargo.liftedOn = e.on();
        embargo.liftReason = e.reason();
    }

    @Override
    public void rewrite(List<RecordHistory> embargoes, Set<String> newRecords, BatchWrites batch) {
        for (RecordHistory record : embargoes) {
            write(batch, record, fold(record.history(), record.version()));
        }
    }

    private static void write(BatchWrites batch, RecordHistory record, EmbargoView embargo) {
        String embargoId = record.id();
        batch.add("DELETE FROM views.embargo_actor WHERE embargo_id = ?", embargoId);
        if (embargo == null) {
            batch.add("DELETE FROM views.embargo WHERE embargo_id = ?", embargoId);
            return;
        }
        batch.add(UPSERT_EMBARGO, embargoId, embargo.imposedBy(), Date.valueOf(embargo.from().earliest()),
                date(record.firstValid()), date(record.lastValid()), embargo.version(), json(embargo));
        batch.add("INSERT INTO views.embargo_actor (embargo_id, actor, role) VALUES (?, ?, 'IMPOSER')", embargoId,
                embargo.imposedBy());
        for (String target : embargo.targets()) {
            batch.add("INSERT INTO views.embargo_actor (embargo_id, actor, role) VALUES (?, ?, 'TARGET')", embargoId,
                    target);
        }
    }
}
