package org.dyad.views.projection;

import java.sql.Date;
import java.time.LocalDate;

import static org.dyad.views.projection.BatchWrites.date;
import static org.dyad.views.projection.BatchWrites.json;

/**
 * The rows of an agreement: its document and index columns in {@code views.agreement} (with the date it must be
 * folded again, {@code review_on}) and its parties and concerned actors in {@code views.agreement_actor}.
 */
final class AgreementRows {

    private static final String UPSERT_AGREEMENT = """
            INSERT INTO views.agreement (agreement_id, kind, subjects, status, signed_from, review_on,
                first_valid, last_valid, version, doc)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)
            ON CONFLICT (agreement_id) DO UPDATE SET kind = EXCLUDED.kind, subjects = EXCLUDED.subjects,
                status = EXCLUDED.status,
                signed_from = EXCLUDED.signed_from, review_on = EXCLUDED.review_on,
                first_valid = EXCLUDED.first_valid, last_valid = EXCLUDED.last_valid,
                version = EXCLUDED.version, doc = EXCLUDED.doc""";

    private AgreementRows() {
    }

    /** Writes the agreement's rows, or removes them when it left the views ({@code agreement} null). */
    static void write(BatchWrites batch, RecordHistory record, AgreementView agreement, LocalDate today) {
        String agreementId = record.id();
        batch.add("DELETE FROM views.agreement_actor WHERE agreement_id = ?", agreementId);
        if (agreement == null) {
            batch.add("DELETE FROM views.agreement WHERE agreement_id = ?", agreementId);
            return;
        }
        batch.add(UPSERT_AGREEMENT, agreementId, agreement.kind().name(), batch.textArray(agreement.subjectNames()),
                agreement.status().name(), Date.valueOf(agreement.signedOn().earliest()),
                date(agreement.nextChangeAfter(today)), date(record.firstValid()), date(record.lastValid()),
                agreement.version(), json(agreement));
        for (PartyStanding party : agreement.parties()) {
            batch.add("INSERT INTO views.agreement_actor (agreement_id, actor, role, status) VALUES (?, ?, 'PARTY', ?)",
                    agreementId, party.party(), party.status().name());
        }
        for (String concerned : agreement.concerning()) {
            batch.add("INSERT INTO views.agreement_actor (agreement_id, actor, role) VALUES (?, ?, 'CONCERNED')",
                    agreementId, concerned);
        }
    }
}
