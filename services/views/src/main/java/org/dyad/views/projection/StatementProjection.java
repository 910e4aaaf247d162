package org.dyad.views.projection;

import org.dyad.contracts.statement.event.StatementRecorded;
import org.dyad.views.model.HistoryEntry;

import java.sql.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.dyad.views.projection.BatchWrites.date;
import static org.dyad.views.projection.BatchWrites.json;

/**
 * Builds the views of official statements: the {@link StatementView} folded from a statement's history and its rows
 * in {@code views.statement} and {@code views.statement_actor} (its speaker and addressees).
 */
public final class StatementProjection implements RecordProjection {

    static final EventHandlers<StatementView> FOLD = new EventHandlers<StatementView>()
            .on(StatementRecorded.class, StatementProjection::on);

    private static final String UPSERT_STATEMENT = """
            INSERT INTO views.statement (statement_id, speaker, made_from, first_valid, last_valid, version, doc)
            VALUES (?, ?, ?, ?, ?, ?, ?::json)
            ON CONFLICT (statement_id) DO UPDATE SET speaker = EXCLUDED.speaker,
                made_from = EXCLUDED.made_from, first_valid = EXCLUDED.first_valid,
                last_valid = EXCLUDED.last_valid, version = EXCLUDED.version, doc = EXCLUDED.doc""";

    @Override
    public String recordType() {
        return "statement";
    }

    /** {@code null} when the statement is retracted or not yet made on the date asked about. */
    public static StatementView fold(List<HistoryEntry> history, long version) {
        StatementView statement = new StatementView();
        for (HistoryEntry entry : history) {
            if (!entry.retracted()) {
                FOLD.apply(entry, statement);
            }
        }
        if (statement.statementId == null) {
            return null;
        }
        statement.history = history;
        statement.version = version;
        return statement;
    }

    static void on(StatementRecorded e, HistoryEntry entry, StatementView statement) {
        statement.statementId = e.statementId();
        statement.speaker = e.speaker();
        statement.addressees = e.addressees();
        statement.kind = e.kind();
        statement.madeOn = e.madeOn();
        statement.summary = e.summary();
        statement.cameoCode = e.cameoCode();
        statement.condition = e.condition();
        statement.dealId = e.dealId();
        statement.agreementId = e.agreementId();
        statement.provenance = e.provenance();
        statement.claim = e.claim();
    }

    @Override
    public void rewrite(List<RecordHistory> statements, Set<String> newRecords, BatchWrites batch) {
        for (RecordHistory record : statements) {
            write(batch, record, fold(record.history(), record.version()));
            batch.counts().recordRewritten(record.actors());
        }
    }

    private static void write(BatchWrites batch, RecordHistory record, StatementView statement) {
        String statementId = record.id();
        batch.add("DELETE FROM views.statement_actor WHERE statement_id = ?", statementId);
        if (statement == null) {
            batch.add("DELETE FROM views.statement WHERE statement_id = ?", statementId);
            return;
        }
        batch.add(UPSERT_STATEMENT, statementId, statement.speaker(), Date.valueOf(statement.madeOn().earliest()),
                date(record.firstValid()), date(record.lastValid()), statement.version(), json(statement));
        Set<String> actors = new LinkedHashSet<>();
        actors.add(statement.speaker());
        actors.addAll(statement.addressees());
        for (String actor : actors) {
            batch.add("INSERT INTO views.statement_actor (statement_id, actor) VALUES (?, ?)", statementId, actor);
        }
    }
}
