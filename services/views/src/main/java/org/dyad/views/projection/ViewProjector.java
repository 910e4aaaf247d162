package org.dyad.views.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.agreement.AgreementSigned;
import org.dyad.contracts.agreement.ConsentToBeBoundRecorded;
import org.dyad.contracts.agreement.SignatureRecorded;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.deal.SaleReported;
import org.dyad.contracts.statement.StatementRecorded;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.contracts.wire.EventCatalog;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.views.model.AgreementRecord;
import org.dyad.views.model.DealRecord;
import org.dyad.views.model.DealSummary;
import org.dyad.views.model.HistoryEntry;
import org.dyad.views.model.PartyRecord;
import org.dyad.views.model.RecordFolder;
import org.dyad.views.model.RecordedFact;
import org.dyad.views.model.StatementRecord;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies published events to the views. A batch is applied in one transaction. Each event first advances its
 * record's applied version; an event whose sequence is not above it (a redelivery or a replay) changes nothing.
 * New events go to the event log; each record they touch is then folded again from its logged events and its
 * document and index rows are rewritten, and the relationship rows of its pairs are recounted.
 */
public class ViewProjector {

    private static final String ADVANCE_VERSION = """
            INSERT INTO views.applied_version (aggregate_id, version, position) VALUES (?, ?, ?)
            ON CONFLICT (aggregate_id) DO UPDATE SET version = EXCLUDED.version, position = EXCLUDED.position,
                applied_at = now()
            WHERE views.applied_version.version < EXCLUDED.version""";

    private final ViewTables jdbc;
    private final EventLog eventLog;

    /** Projects into the given tables (the live {@code views} schema, or a schema being rebuilt). */
    public ViewProjector(ViewTables tables) {
        this.jdbc = tables;
        this.eventLog = new EventLog(tables);
    }

    /** Applies the events in order; returns how many changed the views (the rest were duplicates). */
    @Transactional
    public int apply(List<PublishedEvent> events) {
        Map<String, String> touched = new LinkedHashMap<>();
        int applied = 0;
        for (PublishedEvent event : events) {
            if (jdbc.update(ADVANCE_VERSION, event.aggregateId(), event.sequence(), event.position()) == 0) {
                continue;
            }
            applied++;
            DyadEvent payload = (DyadEvent) event.payload();
            PartialDate validOn = payload.validOn();
            jdbc.update("""
                            INSERT INTO views.event_log (event_id, position, aggregate_id, aggregate_type, sequence, type,
                                valid_on, valid_from, recorded_at, client, correlation_id, payload)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                    event.id(), event.position(), event.aggregateId(), aggregateType(event), event.sequence(),
                    payload.getClass().getSimpleName(), validOn == null ? null : validOn.toString(),
                    validOn == null ? null : Date.valueOf(validOn.earliest()),
                    Timestamp.from(payload.provenance().recordedAt()), event.client(), event.correlationId(),
                    json(payload));
            touched.putIfAbsent(event.aggregateId(), aggregateType(event));
        }
        Set<List<String>> pairs = new LinkedHashSet<>();
        touched.forEach((aggregateId, type) -> pairs.addAll(refresh(aggregateId, type)));
        pairs.forEach(pair -> recount(pair.get(0), pair.get(1)));
        return applied;
    }

    /**
     * The record's aggregate type. Corrections and retractions belong to the record they amend, whose type was set
     * by the event that created it.
     */
    private String aggregateType(PublishedEvent event) {
        String aggregate = EventCatalog.aggregateOf(event.payload().getClass());
        if (!"record".equals(aggregate)) {
            return aggregate;
        }
        return jdbc.queryForObject("SELECT aggregate_type FROM views.event_log WHERE aggregate_id = ? AND sequence = 0",
                String.class, event.aggregateId());
    }

    /** Folds a record again from its logged events and rewrites its rows; answers the pairs of actors it touches. */
    private Set<List<String>> refresh(String aggregateId, String type) {
        List<RecordedFact> facts = eventLog.factsOf(List.of(aggregateId), null).getOrDefault(aggregateId, List.of());
        long version = facts.isEmpty() ? -1 : facts.get(facts.size() - 1).sequence();
        List<HistoryEntry> history = RecordFolder.history(facts, null);
        // Every actor the record's events ever named, retracted or not, so that a pair's counts are recounted when a
        // record leaves it, and the same set results whether the events arrive one by one or in one batch.
        Set<String> actors = new TreeSet<>();
        facts.forEach(f -> actors.addAll(actorsNamedBy(f.event())));
        Span span = Span.of(history);
        switch (type) {
            case "deal" -> writeDeal(aggregateId, DealRecord.fold(history, version), span);
            case "agreement" -> writeAgreement(aggregateId, AgreementRecord.fold(history, version, LocalDate.now()),
                    span);
            case "statement" -> writeStatement(aggregateId, StatementRecord.fold(history, version), span);
            default -> throw new IllegalStateException("unknown record type " + type);
        }
        jdbc.update("UPDATE views.event_log SET parties = ? WHERE aggregate_id = ? AND parties IS DISTINCT FROM ?",
                textArray(actors), aggregateId, textArray(actors));
        Set<List<String>> pairs = new LinkedHashSet<>();
        List<String> sorted = new ArrayList<>(actors);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                pairs.add(List.of(sorted.get(i), sorted.get(j)));
            }
        }
        return pairs;
    }

    private static List<String> actorsNamedBy(DyadEvent event) {
        if (event instanceof SaleReported e) {
            return List.of(e.supplier(), e.recipient());
        } else if (event instanceof AgreementSigned e) {
            List<String> actors = new ArrayList<>(e.parties());
            actors.addAll(e.concerning() == null ? List.of() : e.concerning());
            return actors;
        } else if (event instanceof SignatureRecorded e) {
            return List.of(e.party());
        } else if (event instanceof ConsentToBeBoundRecorded e) {
            return List.of(e.party());
        } else if (event instanceof StatementRecorded e) {
            List<String> actors = new ArrayList<>(e.addressees());
            actors.add(e.speaker());
            return actors;
        }
        return List.of();
    }

    /** The first and last valid dates of a record's facts (retracted ones aside), for its pairs' spans. */
    private record Span(Date first, Date last) {

        static Span of(List<HistoryEntry> history) {
            List<LocalDate> valid = history.stream().filter(h -> !h.retracted() && h.validOn() != null)
                    .map(h -> h.validOn().earliest()).sorted().toList();
            return valid.isEmpty() ? new Span(null, null)
                    : new Span(Date.valueOf(valid.get(0)), Date.valueOf(valid.get(valid.size() - 1)));
        }
    }

    private void writeDeal(String dealId, DealRecord deal, Span span) {
        if (deal == null) {
            jdbc.update("DELETE FROM views.deal WHERE deal_id = ?", dealId);
            return;
        }
        Estimate value = deal.latestValue();
        ObjectNode document = DyadJson.mapper().valueToTree(deal);
        jdbc.update("""
                        INSERT INTO views.deal (deal_id, supplier, recipient, stage, status, pending, reported_from,
                            superseded_by, categories, designations, value_currency, value_low, value_high, tiv,
                            sources, first_valid, last_valid, version, doc, summary)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?::json)
                        ON CONFLICT (deal_id) DO UPDATE SET supplier = EXCLUDED.supplier,
                            recipient = EXCLUDED.recipient, stage = EXCLUDED.stage, status = EXCLUDED.status,
                            pending = EXCLUDED.pending, reported_from = EXCLUDED.reported_from,
                            superseded_by = EXCLUDED.superseded_by, categories = EXCLUDED.categories,
                            designations = EXCLUDED.designations, value_currency = EXCLUDED.value_currency,
                            value_low = EXCLUDED.value_low, value_high = EXCLUDED.value_high, tiv = EXCLUDED.tiv,
                            sources = EXCLUDED.sources, first_valid = EXCLUDED.first_valid,
                            last_valid = EXCLUDED.last_valid, version = EXCLUDED.version, doc = EXCLUDED.doc,
                            summary = EXCLUDED.summary""",
                dealId, deal.supplier(), deal.recipient(), deal.stage().name(), deal.status().name(), deal.pending(),
                Date.valueOf(deal.reportedOn().earliest()), deal.supersededBy(), textArray(deal.categories()),
                deal.designations(), value == null ? null : value.currency(),
                value == null ? null : value.lowerBound(), value == null ? null : value.upperBound(),
                deal.latestTiv(), deal.sourceCount(), span.first(), span.last(), deal.version(), json(document),
                json(DealSummary.of(document)));
    }

    private void writeAgreement(String agreementId, AgreementRecord agreement, Span span) {
        jdbc.update("DELETE FROM views.agreement_actor WHERE agreement_id = ?", agreementId);
        if (agreement == null) {
            jdbc.update("DELETE FROM views.agreement WHERE agreement_id = ?", agreementId);
            return;
        }
        jdbc.update("""
                        INSERT INTO views.agreement (agreement_id, kind, subjects, status, signed_from, review_on,
                            first_valid, last_valid, version, doc)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)
                        ON CONFLICT (agreement_id) DO UPDATE SET kind = EXCLUDED.kind, subjects = EXCLUDED.subjects,
                            status = EXCLUDED.status,
                            signed_from = EXCLUDED.signed_from, review_on = EXCLUDED.review_on,
                            first_valid = EXCLUDED.first_valid, last_valid = EXCLUDED.last_valid,
                            version = EXCLUDED.version, doc = EXCLUDED.doc""",
                agreementId, agreement.kind().name(), textArray(agreement.subjectNames()), agreement.status().name(),
                Date.valueOf(agreement.signedOn().earliest()),
                nullableDate(agreement.nextChangeAfter(LocalDate.now())), span.first(), span.last(),
                agreement.version(), json(agreement));
        for (PartyRecord party : agreement.parties()) {
            jdbc.update("INSERT INTO views.agreement_actor (agreement_id, actor, role, status) VALUES (?, ?, 'PARTY', ?)",
                    agreementId, party.party(), party.status().name());
        }
        for (String concerned : agreement.concerning()) {
            jdbc.update("INSERT INTO views.agreement_actor (agreement_id, actor, role) VALUES (?, ?, 'CONCERNED')",
                    agreementId, concerned);
        }
    }

    private void writeStatement(String statementId, StatementRecord statement, Span span) {
        jdbc.update("DELETE FROM views.statement_actor WHERE statement_id = ?", statementId);
        if (statement == null) {
            jdbc.update("DELETE FROM views.statement WHERE statement_id = ?", statementId);
            return;
        }
        jdbc.update("""
                        INSERT INTO views.statement (statement_id, speaker, made_from, first_valid, last_valid, version,
                            doc)
                        VALUES (?, ?, ?, ?, ?, ?, ?::json)
                        ON CONFLICT (statement_id) DO UPDATE SET speaker = EXCLUDED.speaker,
                            made_from = EXCLUDED.made_from, first_valid = EXCLUDED.first_valid,
                            last_valid = EXCLUDED.last_valid, version = EXCLUDED.version, doc = EXCLUDED.doc""",
                statementId, statement.speaker(), Date.valueOf(statement.madeOn().earliest()), span.first(),
                span.last(), statement.version(), json(statement));
        Set<String> actors = new LinkedHashSet<>();
        actors.add(statement.speaker());
        actors.addAll(statement.addressees());
        for (String actor : actors) {
            jdbc.update("INSERT INTO views.statement_actor (statement_id, actor) VALUES (?, ?)", statementId, actor);
        }
    }

    /**
     * Folds again the agreements whose status changes by date (a withdrawal taking effect, an expiry) once that date
     * has come. Called daily and at start.
     */
    @Transactional
    public int reviewAgreementsDueBy(LocalDate today) {
        List<String> due = jdbc.queryForList("SELECT agreement_id FROM views.agreement WHERE review_on <= ?",
                String.class, Date.valueOf(today));
        due.forEach(id -> refresh(id, "agreement").forEach(pair -> recount(pair.get(0), pair.get(1))));
        return due.size();
    }

    private static Date nullableDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    /**
     * Recounts what is on record between two actors (a < b) and the span of its valid dates, from the records'
     * rows (indexed by pair), not from the event log.
     */
    private void recount(String a, String b) {
        jdbc.update("""
                WITH d AS (SELECT count(*) AS n, min(first_valid) AS f, max(last_valid) AS l FROM views.deal
                           WHERE (supplier = ? AND recipient = ?) OR (supplier = ? AND recipient = ?)),
                     g AS (SELECT count(*) AS n, min(first_valid) AS f, max(last_valid) AS l FROM views.agreement
                           WHERE agreement_id IN (SELECT x.agreement_id FROM views.agreement_actor x
                               JOIN views.agreement_actor y ON y.agreement_id = x.agreement_id
                               WHERE x.actor = ? AND y.actor = ? AND (x.role = 'PARTY' OR y.role = 'PARTY'))),
                     s AS (SELECT count(*) AS n, min(first_valid) AS f, max(last_valid) AS l FROM views.statement
                           WHERE statement_id IN (SELECT x.statement_id FROM views.statement_actor x
                               JOIN views.statement_actor y ON y.statement_id = x.statement_id
                               WHERE x.actor = ? AND y.actor = ?))
                INSERT INTO views.relationship AS r (party_a, party_b, agreements, deals, statements, first_event_on,
                    last_event_on)
                SELECT ?, ?, g.n, d.n, s.n, LEAST(d.f, g.f, s.f), GREATEST(d.l, g.l, s.l) FROM d, g, s
                ON CONFLICT (party_a, party_b) DO UPDATE SET agreements = EXCLUDED.agreements,
                    deals = EXCLUDED.deals, statements = EXCLUDED.statements,
                    first_event_on = EXCLUDED.first_event_on, last_event_on = EXCLUDED.last_event_on""",
                a, b, b, a, a, b, a, b, a, b);
        jdbc.update("DELETE FROM views.relationship WHERE party_a = ? AND party_b = ?"
                + " AND agreements + deals + statements = 0", a, b);
    }

    private Array textArray(java.util.Collection<String> values) {
        return jdbc.textArray(values);
    }

    private static String json(Object value) {
        try {
            return DyadJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
