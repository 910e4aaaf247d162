package org.dyad.views.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.contracts.wire.EventCatalog;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.views.model.AgreementRecord;
import org.dyad.views.model.DealRecord;
import org.dyad.views.model.DealSummary;
import org.dyad.views.model.EstimateTotals;
import org.dyad.views.model.HistoryEntry;
import org.dyad.views.model.PartyRecord;
import org.dyad.views.model.RecordFolder;
import org.dyad.views.model.RecordedFact;
import org.dyad.views.model.StatementRecord;
import org.dyad.views.projection.RelationshipCounts.DealPlace;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Applies published events to the views. A batch is applied in one transaction. Each event first advances its
 * record's applied version; an event whose sequence is not above it (a redelivery or a replay) changes nothing.
 * New events go to the event log; each record they touch is folded again from its facts (those of recently applied
 * records are kept in memory, the others are read back from the log once per batch) and its document and index rows
 * are rewritten; the relationship rows of its pairs are brought up to date ({@link RelationshipCounts}) and the
 * change is counted for its actors ({@link ChangedActors}). Rows are written in JDBC batches, one per statement, so
 * a poll of many events costs a few round trips rather than several per event.
 */
public class ViewProjector {

    /**
     * Facts kept in memory for the records applied last (about 1.4 kB each). A record's events mostly come close
     * together, so a few thousand serve almost every batch; the rest are read back from the log.
     */
    static final int RECENT_FACTS = 5_000;

    private static final String ADVANCE_VERSION = """
            INSERT INTO views.applied_version (aggregate_id, version, position) VALUES (?, ?, ?)
            ON CONFLICT (aggregate_id) DO UPDATE SET version = EXCLUDED.version, position = EXCLUDED.position,
                applied_at = now()
            WHERE views.applied_version.version < EXCLUDED.version""";

    private static final String LOG_EVENT = """
            INSERT INTO views.event_log (event_id, position, aggregate_id, aggregate_type, sequence, type,
                valid_on, valid_from, recorded_at, parties, client, correlation_id, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    private static final String KEEP_TIMELINE_DATES = """
            INSERT INTO views.record_timeline (aggregate_id, parties, valid_dates) VALUES (?, ?, ?)
            ON CONFLICT (aggregate_id) DO UPDATE SET parties = EXCLUDED.parties, valid_dates = EXCLUDED.valid_dates""";

    /** The earlier facts of a record the views have not seen yet. */
    private static final RecentRecords.Entry NEW_RECORD = new RecentRecords.Entry(null, -1, List.of(), Set.of());

    private final ViewTables jdbc;
    private final EventLog eventLog;
    private final RecentRecords recent = new RecentRecords(RECENT_FACTS);

    /** Projects into the given tables (the live {@code views} schema, or a schema being rebuilt). */
    public ViewProjector(ViewTables tables) {
        this.jdbc = tables;
        this.eventLog = new EventLog(tables);
    }

    /** Applies the events in order; returns how many changed the views (the rest were duplicates). */
    @Transactional
    public int apply(List<PublishedEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Map<String, Long> applied = appliedVersions(events);
        Map<String, Long> versions = new HashMap<>(applied);
        List<PublishedEvent> fresh = new ArrayList<>();
        Map<String, List<RecordedFact>> freshFacts = new LinkedHashMap<>();
        for (PublishedEvent event : events) {
            if (event.sequence() <= versions.getOrDefault(event.aggregateId(), -1L)) {
                continue;
            }
            versions.put(event.aggregateId(), event.sequence());
            fresh.add(event);
            freshFacts.computeIfAbsent(event.aggregateId(), k -> new ArrayList<>()).add(factOf(event));
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<String, PublishedEvent> lastOfRecord = new LinkedHashMap<>();
        fresh.forEach(e -> lastOfRecord.put(e.aggregateId(), e));
        jdbc.batchUpdate(ADVANCE_VERSION, lastOfRecord.values().stream()
                .map(e -> new Object[]{e.aggregateId(), e.sequence(), e.position()}).toList());

        Map<String, RecentRecords.Entry> before = earlierFacts(freshFacts.keySet(), applied);
        Map<String, RecentRecords.Entry> after = new LinkedHashMap<>();
        List<Object[]> partiesChanged = new ArrayList<>();
        Map<String, Array> parties = new HashMap<>();
        freshFacts.forEach((aggregateId, added) -> {
            RecentRecords.Entry earlier = before.get(aggregateId);
            List<RecordedFact> all = new ArrayList<>(earlier.facts());
            all.addAll(added);
            RecentRecords.Entry now = entry(earlier.type() != null ? earlier.type() : typeOf(all), all);
            after.put(aggregateId, now);
            parties.put(aggregateId, textArray(now.actors()));
            if (!earlier.facts().isEmpty() && !now.actors().equals(earlier.actors())) {
                partiesChanged.add(new Object[]{parties.get(aggregateId), aggregateId, parties.get(aggregateId)});
            }
        });
        List<Object[]> logged = new ArrayList<>(fresh.size());
        for (PublishedEvent event : fresh) {
            DyadEvent payload = (DyadEvent) event.payload();
            PartialDate validOn = payload.validOn();
            logged.add(new Object[]{event.id(), event.position(), event.aggregateId(),
                    after.get(event.aggregateId()).type(), event.sequence(), payload.getClass().getSimpleName(),
                    validOn == null ? null : validOn.toString(),
                    validOn == null ? null : Date.valueOf(validOn.earliest()),
                    Timestamp.from(payload.provenance().recordedAt()), parties.get(event.aggregateId()),
                    event.client(), event.correlationId(), json(payload)});
        }
        jdbc.batchUpdate(LOG_EVENT, logged);
        // Every actor the record's events ever named, retracted or not, so that a pair's counts are recounted when a
        // record leaves it, and the same set results whether the events arrive one by one or in one batch.
        jdbc.batchUpdate("UPDATE views.event_log SET parties = ? WHERE aggregate_id = ? AND parties IS DISTINCT FROM ?",
                partiesChanged);
        jdbc.batchUpdate(KEEP_TIMELINE_DATES, after.entrySet().stream().map(r -> new Object[]{r.getKey(),
                parties.get(r.getKey()), jdbc.dateArray(r.getValue().facts().stream().map(f -> f.event().validOn())
                        .filter(Objects::nonNull).map(PartialDate::earliest).sorted().toList())}).toList());
        rewrite(after, freshFacts.keySet().stream().filter(id -> before.get(id).facts().isEmpty())
                .collect(Collectors.toSet()));
        after.forEach(recent::put);
        return fresh.size();
    }

    private Map<String, Long> appliedVersions(List<PublishedEvent> events) {
        Map<String, Long> applied = new HashMap<>();
        jdbc.query("SELECT aggregate_id, version FROM views.applied_version WHERE aggregate_id IN (:ids)",
                new MapSqlParameterSource("ids", events.stream().map(PublishedEvent::aggregateId).distinct().toList()),
                rs -> {
                    applied.put(rs.getString(1), rs.getLong(2));
                });
        return applied;
    }

    /** Each record's facts before this batch: none for a new record, else from memory or (once) from the log. */
    private Map<String, RecentRecords.Entry> earlierFacts(Collection<String> aggregateIds, Map<String, Long> applied) {
        Map<String, RecentRecords.Entry> earlier = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String id : aggregateIds) {
            Long version = applied.get(id);
            RecentRecords.Entry entry = version == null ? NEW_RECORD : recent.at(id, version);
            if (entry == null) {
                unknown.add(id);
            } else {
                earlier.put(id, entry);
            }
        }
        eventLog.factsOf(unknown, null).forEach((id, facts) -> earlier.put(id, entry(typeOf(facts), facts)));
        unknown.forEach(id -> earlier.putIfAbsent(id, NEW_RECORD));
        return earlier;
    }

    /** A fact as the event log gives it back (its recording instant at the log's microsecond precision). */
    private static RecordedFact factOf(PublishedEvent event) {
        DyadEvent payload = (DyadEvent) event.payload();
        return new RecordedFact(event.id(), event.aggregateId(), event.sequence(), event.position(),
                payload.getClass().getSimpleName(), payload.provenance().recordedAt().truncatedTo(ChronoUnit.MICROS),
                payload);
    }

    /**
     * The record's type, from its events' own types. Corrections and retractions belong to the record they amend,
     * whose type the other events give.
     */
    private static String typeOf(List<RecordedFact> facts) {
        return facts.stream().map(f -> EventCatalog.aggregateOf(f.event().getClass()))
                .filter(type -> !"record".equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("record " + facts.get(0).aggregateId()
                        + " has only corrections or retractions in the views"));
    }

    /**
     * A record with its facts, its version (its last fact's sequence) and every actor its events ever named,
     * retracted or not, sorted (the timeline finds a pair's own records by this set's equality).
     */
    private static RecentRecords.Entry entry(String type, List<RecordedFact> facts) {
        Set<String> actors = new TreeSet<>();
        facts.forEach(f -> actors.addAll(f.event().actors()));
        return new RecentRecords.Entry(type, facts.get(facts.size() - 1).sequence(), facts, actors);
    }

    /**
     * Folds the records again from their facts, rewrites their rows, brings their pairs' counts up to date and
     * counts the change for their actors. The rows of {@code newRecords} (not in the views before) are not looked
     * for: in an import or a rebuild that is almost every record.
     */
    private void rewrite(Map<String, RecentRecords.Entry> records, Set<String> newRecords) {
        RowBatches writes = new RowBatches();
        Map<String, DealRow> dealsBefore = dealRows(records.entrySet().stream()
                .filter(r -> "deal".equals(r.getValue().type()) && !newRecords.contains(r.getKey()))
                .map(Map.Entry::getKey).toList());
        RelationshipCounts counts = new RelationshipCounts(jdbc);
        ChangedActors changed = new ChangedActors();
        records.forEach((aggregateId, record) -> {
            List<HistoryEntry> history = RecordFolder.history(record.facts(), null);
            Span span = Span.of(history);
            long version = record.version();
            changed.named(record.actors());
            switch (record.type()) {
                case "deal" -> {
                    DealRecord deal = writeDeal(writes, aggregateId, history, version, span);
                    DealRow before = dealsBefore.get(aggregateId);
                    counts.dealRewritten(before == null ? null : before.place(), deal == null ? null
                            : DealPlace.of(deal.supplier(), deal.recipient(), span.first(), span.last()));
                    changed.supersededBy(before == null ? null : before.supersededBy());
                    changed.supersededBy(deal == null ? null : deal.supersededBy());
                }
                case "agreement" -> {
                    writeAgreement(writes, aggregateId, AgreementRecord.fold(history, version, LocalDate.now()), span);
                    counts.recordRewritten(record.actors());
                }
                case "statement" -> {
                    writeStatement(writes, aggregateId, StatementRecord.fold(history, version), span);
                    counts.recordRewritten(record.actors());
                }
                default -> throw new IllegalStateException("unknown record type " + record.type());
            }
        });
        writes.flush(jdbc);
        counts.write();
        changed.write(jdbc);
        if (!records.isEmpty()) {
            // answers kept by AnswerCache hold until this commit
            jdbc.update("UPDATE views.view_change SET changes = changes + 1");
        }
    }

    /** A deal's row as it was before the batch: where it counted, and the deal that superseded it. */
    private record DealRow(DealPlace place, String supersededBy) {
    }

    private Map<String, DealRow> dealRows(List<String> dealIds) {
        Map<String, DealRow> rows = new HashMap<>();
        if (!dealIds.isEmpty()) {
            jdbc.query("SELECT deal_id, supplier, recipient, first_valid, last_valid, superseded_by FROM views.deal"
                    + " WHERE deal_id IN (:ids)", new MapSqlParameterSource("ids", dealIds), rs -> {
                        rows.put(rs.getString(1), new DealRow(DealPlace.of(rs.getString(2),
                                rs.getString(3), localDate(rs.getDate(4)), localDate(rs.getDate(5))),
                                rs.getString(6)));
                    });
        }
        return rows;
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** The first and last valid dates of a record's facts (retracted ones aside), for its pairs' spans. */
    private record Span(LocalDate first, LocalDate last) {

        static Span of(List<HistoryEntry> history) {
            List<LocalDate> valid = history.stream().filter(h -> !h.retracted() && h.validOn() != null)
                    .map(h -> h.validOn().earliest()).sorted().toList();
            return valid.isEmpty() ? new Span(null, null) : new Span(valid.get(0), valid.get(valid.size() - 1));
        }
    }

    /** Writes the deal's rows; answers its state (null once it left the views). */
    private DealRecord writeDeal(RowBatches writes, String dealId, List<HistoryEntry> history, long version,
                                 Span span) {
        DealRecord deal = DealRecord.fold(history, version);
        if (deal == null) {
            writes.add("DELETE FROM views.deal WHERE deal_id = ?", dealId);
            return null;
        }
        Estimate value = deal.latestValue();
        // written straight from the record: a tree of the whole document (its history most of all) cost more
        String documentJson = json(deal);
        writes.add("""
                        INSERT INTO views.deal (deal_id, supplier, recipient, stage, status, pending, reported_from,
                            superseded_by, categories, designations, value_currency, value_low, value_high, tiv,
                            sources, first_valid, last_valid, version, doc)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)
                        ON CONFLICT (deal_id) DO UPDATE SET supplier = EXCLUDED.supplier,
                            recipient = EXCLUDED.recipient, stage = EXCLUDED.stage, status = EXCLUDED.status,
                            pending = EXCLUDED.pending, reported_from = EXCLUDED.reported_from,
                            superseded_by = EXCLUDED.superseded_by, categories = EXCLUDED.categories,
                            designations = EXCLUDED.designations, value_currency = EXCLUDED.value_currency,
                            value_low = EXCLUDED.value_low, value_high = EXCLUDED.value_high, tiv = EXCLUDED.tiv,
                            sources = EXCLUDED.sources, first_valid = EXCLUDED.first_valid,
                            last_valid = EXCLUDED.last_valid, version = EXCLUDED.version, doc = EXCLUDED.doc""",
                dealId, deal.supplier(), deal.recipient(), deal.stage().name(), deal.status().name(), deal.pending(),
                Date.valueOf(deal.reportedOn().earliest()), deal.supersededBy(), textArray(deal.categories()),
                deal.designations(), value == null ? null : value.currency(),
                value == null ? null : value.lowerBound(), value == null ? null : value.upperBound(),
                deal.latestTiv(), deal.sourceCount(), nullableDate(span.first()), nullableDate(span.last()),
                deal.version(), documentJson);
        // every deal adds this statement before its states: batches run in the order their statements first came
        writes.add("DELETE FROM views.deal_state WHERE deal_id = ?", dealId);
        // the present state holds the deal's only stored summary (lists and relationships of the present read it)
        writeDealStates(writes, history, version, deal);
        return deal;
    }

    /**
     * The deal's state for each span between the valid dates of its facts. A fact counts from the first day it may
     * have happened, as in {@link RecordFolder#history}: within a span the same facts are valid, so one fold per
     * span answers every date in it. The last span is the present.
     */
    private void writeDealStates(RowBatches writes, List<HistoryEntry> history, long version, DealRecord present) {
        List<LocalDate> dates = history.stream().filter(h -> h.validOn() != null).map(h -> h.validOn().earliest())
                .distinct().sorted().toList();
        for (int i = 0; i <= dates.size(); i++) {
            LocalDate from = i == 0 ? null : dates.get(i - 1);
            LocalDate until = i == dates.size() ? null : dates.get(i);
            if (until == null) {
                writeDealState(writes, from, null, present);
                continue;
            }
            LocalDate asOf = from == null ? until.minusDays(1) : from;
            DealRecord deal = DealRecord.fold(history.stream()
                    .filter(h -> h.validOn() == null || !h.validOn().earliest().isAfter(asOf)).toList(), version);
            if (deal != null) {
                writeDealState(writes, from, until, deal);
            }
        }
    }

    /** One span's state, with the deal's summary then. */
    private void writeDealState(RowBatches writes, LocalDate from, LocalDate until, DealRecord deal) {
        ObjectNode summary = DealSummary.of(deal);
        JsonNode estimate = EstimateTotals.latest(summary);
        writes.add("""
                        INSERT INTO views.deal_state (deal_id, valid_from, valid_until, supplier, recipient, standing,
                            pending, reported_from, first_valid_on, last_valid_on, estimate_currency, estimate_basis,
                            estimate_low, estimate_high, summary)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)""",
                deal.dealId(), nullableDate(from), nullableDate(until), deal.supplier(), deal.recipient(),
                deal.standing(), deal.pending(),
                Date.valueOf(deal.reportedOn().earliest()), summary.path("firstValidOn").asText(null),
                summary.path("lastValidOn").asText(null),
                estimate == null ? null : estimate.path("currency").asText(),
                estimate == null ? null : estimate.path("basis").asText(),
                estimate == null ? null : EstimateTotals.low(estimate),
                estimate == null ? null : EstimateTotals.high(estimate), json(summary));
    }

    private void writeAgreement(RowBatches writes, String agreementId, AgreementRecord agreement, Span span) {
        writes.add("DELETE FROM views.agreement_actor WHERE agreement_id = ?", agreementId);
        if (agreement == null) {
            writes.add("DELETE FROM views.agreement WHERE agreement_id = ?", agreementId);
            return;
        }
        writes.add("""
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
                nullableDate(agreement.nextChangeAfter(LocalDate.now())), nullableDate(span.first()),
                nullableDate(span.last()), agreement.version(), json(agreement));
        for (PartyRecord party : agreement.parties()) {
            writes.add("INSERT INTO views.agreement_actor (agreement_id, actor, role, status) VALUES (?, ?, 'PARTY', ?)",
                    agreementId, party.party(), party.status().name());
        }
        for (String concerned : agreement.concerning()) {
            writes.add("INSERT INTO views.agreement_actor (agreement_id, actor, role) VALUES (?, ?, 'CONCERNED')",
                    agreementId, concerned);
        }
    }

    private void writeStatement(RowBatches writes, String statementId, StatementRecord statement, Span span) {
        writes.add("DELETE FROM views.statement_actor WHERE statement_id = ?", statementId);
        if (statement == null) {
            writes.add("DELETE FROM views.statement WHERE statement_id = ?", statementId);
            return;
        }
        writes.add("""
                        INSERT INTO views.statement (statement_id, speaker, made_from, first_valid, last_valid, version,
                            doc)
                        VALUES (?, ?, ?, ?, ?, ?, ?::json)
                        ON CONFLICT (statement_id) DO UPDATE SET speaker = EXCLUDED.speaker,
                            made_from = EXCLUDED.made_from, first_valid = EXCLUDED.first_valid,
                            last_valid = EXCLUDED.last_valid, version = EXCLUDED.version, doc = EXCLUDED.doc""",
                statementId, statement.speaker(), Date.valueOf(statement.madeOn().earliest()),
                nullableDate(span.first()), nullableDate(span.last()), statement.version(), json(statement));
        Set<String> actors = new LinkedHashSet<>();
        actors.add(statement.speaker());
        actors.addAll(statement.addressees());
        for (String actor : actors) {
            writes.add("INSERT INTO views.statement_actor (statement_id, actor) VALUES (?, ?)", statementId, actor);
        }
    }

    /**
     * Folds again the agreements whose status changes by date (a withdrawal taking effect, an expiry) once that date
     * has come. Called daily and at start.
     */
    @Transactional
    public int reviewAgreementsDueBy(LocalDate today) {
        jdbc.lockForWriting();
        List<String> due = jdbc.queryForList("SELECT agreement_id FROM views.agreement WHERE review_on <= ?",
                String.class, Date.valueOf(today));
        rewrite(logged(due), Set.of());
        return due.size();
    }

    /**
     * Writes the states of up to {@code limit} deals stored without them (stored before the states were kept);
     * answers how many. Called at start until none is left.
     */
    @Transactional
    public int fillMissingDealStates(int limit) {
        jdbc.lockForWriting();
        List<String> missing = jdbc.queryForList("""
                SELECT deal_id FROM views.deal d
                WHERE NOT EXISTS (SELECT 1 FROM views.deal_state s WHERE s.deal_id = d.deal_id)
                ORDER BY deal_id LIMIT ?""", String.class, limit);
        rewrite(logged(missing), Set.of());
        return missing.size();
    }

    /** The records' facts as logged. */
    private Map<String, RecentRecords.Entry> logged(List<String> aggregateIds) {
        Map<String, RecentRecords.Entry> records = new LinkedHashMap<>();
        eventLog.factsOf(aggregateIds, null).forEach((id, facts) -> records.put(id, entry(typeOf(facts), facts)));
        return records;
    }

    private static Date nullableDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    /** Rows to write, grouped by statement; each statement runs as one batch, in the order first added. */
    private static final class RowBatches {

        private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

        void add(String statement, Object... args) {
            rows.computeIfAbsent(statement, k -> new ArrayList<>()).add(args);
        }

        void flush(ViewTables tables) {
            rows.forEach(tables::batchUpdate);
        }
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
