package org.dyad.views.projection;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.wire.EventCatalog;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.views.model.LoggedFact;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.dyad.views.projection.BatchWrites.json;

/**
 * Applies batches of published events to the views, in one transaction per batch. Each event first advances its
 * record's applied version; an event whose sequence is not above it (a redelivery or a replay) changes nothing.
 * New events go to the event log. Each Dyad record they touch is folded again from all its facts (those of recently
 * applied records are kept in memory, {@link RecentFacts}; the others are read back from the log once per batch)
 * and handed to the projection of its kind ({@link DealProjection}, {@link AgreementProjection},
 * {@link StatementProjection}, {@link EmbargoProjection}, {@link ReleaseProjection}, {@link ActorProjection}), which
 * rewrites its rows. The
 * batch then brings the pairs' counts up to date
 * ({@link RelationshipCounts}), counts the change for the actors named ({@link ChangedActors}) and bumps
 * {@code views.view_change}, which ends every answer kept before it.
 */
public class BatchProjector {

    /**
     * Facts kept in memory for the records applied last. A record's events mostly come close together, so a few
     * thousand serve almost every batch; the rest are read back from the log.
     */
    static final int RECENT_FACTS = 5_000;

    private static final String ADVANCE_VERSION = """
            INSERT INTO views.applied_version (aggregate_id, version, position) VALUES (?, ?, ?)
            ON CONFLICT (aggregate_id) DO UPDATE SET version = EXCLUDED.version, position = EXCLUDED.position,
                applied_at = now()
            WHERE views.applied_version.version < EXCLUDED.version""";

    private static final CopyRows.Target EVENT_LOG = new CopyRows.Target("views.event_log", "event_id", "position",
            "aggregate_id", "aggregate_type", "sequence", "type", "valid_on", "valid_from", "recorded_at", "parties",
            "client", "correlation_id", "draft_id", "payload");

    /** The first version applied of a record new to the views. */
    private static final CopyRows.Target FIRST_VERSION = new CopyRows.Target("views.applied_version", "aggregate_id",
            "version", "position");

    /** The timeline dates of a record new to the views. */
    private static final CopyRows.Target FIRST_TIMELINE = new CopyRows.Target("views.record_timeline", "aggregate_id",
            "parties", "valid_dates");

    private static final String KEEP_TIMELINE_DATES = """
            INSERT INTO views.record_timeline (aggregate_id, parties, valid_dates) VALUES (?, ?, ?)
            ON CONFLICT (aggregate_id) DO UPDATE SET parties = EXCLUDED.parties, valid_dates = EXCLUDED.valid_dates""";

    /**
     * Threads that fold a batch's records while the batch's own thread writes its event log; each folds its records
     * on several threads at once (the common fork-join pool's and its own).
     */
    private static final ExecutorService FOLDING = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dyad-views-fold");
        thread.setDaemon(true);
        return thread;
    });

    /** The earlier facts of a record the views have not seen yet. */
    private static final RecentFacts.Entry NEW_RECORD = new RecentFacts.Entry(null, -1, List.of(), Set.of());

    private final ViewTables jdbc;
    private final EventLog eventLog;
    private final RecentFacts recent = new RecentFacts(RECENT_FACTS);
    private final Map<String, RecordProjection> projections = Stream.of(new DealProjection(),
                    new AgreementProjection(), new StatementProjection(), new EmbargoProjection(),
                    new ReleaseProjection(), new ActorProjection())
            .collect(Collectors.toMap(RecordProjection::recordType, Function.identity()));

    /** Projects into the given tables (the live {@code views} schema, or a schema being rebuilt). */
    public BatchProjector(ViewTables tables) {
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
        Map<String, List<LoggedFact>> freshFacts = new LinkedHashMap<>();
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
        CopyRows firstVersions = new CopyRows(FIRST_VERSION);
        List<Object[]> laterVersions = new ArrayList<>();
        lastOfRecord.values().forEach(e -> {
            if (applied.containsKey(e.aggregateId())) {
                laterVersions.add(new Object[]{e.aggregateId(), e.sequence(), e.position()});
            } else {
                firstVersions.add(e.aggregateId(), e.sequence(), e.position());
            }
        });
        jdbc.copy(firstVersions);
        jdbc.batchUpdate(ADVANCE_VERSION, laterVersions);

        Map<String, RecentFacts.Entry> before = earlierFacts(freshFacts.keySet(), applied);
        Map<String, RecentFacts.Entry> after = new LinkedHashMap<>();
        List<Object[]> partiesChanged = new ArrayList<>();
        freshFacts.forEach((aggregateId, added) -> {
            RecentFacts.Entry earlier = before.get(aggregateId);
            List<LoggedFact> all = new ArrayList<>(earlier.facts());
            all.addAll(added);
            RecentFacts.Entry now = entry(earlier.type() != null ? earlier.type() : typeOf(all), all);
            after.put(aggregateId, now);
            if (!earlier.facts().isEmpty() && !now.actors().equals(earlier.actors())) {
                Array parties = jdbc.textArray(now.actors());
                partiesChanged.add(new Object[]{parties, aggregateId, parties});
            }
        });
        Set<String> newRecords = freshFacts.keySet().stream().filter(id -> before.get(id).facts().isEmpty())
                .collect(Collectors.toSet());
        // the records' folds need no table: they run on other threads while this one writes the event log
        CompletableFuture<Prepared> prepared = CompletableFuture.supplyAsync(() -> prepare(after, newRecords),
                FOLDING);
        CopyRows logged = new CopyRows(EVENT_LOG);
        List<String> payloads = fresh.parallelStream().map(e -> json(e.payload())).toList();
        for (int i = 0; i < fresh.size(); i++) {
            PublishedEvent event = fresh.get(i);
            DyadEvent payload = (DyadEvent) event.payload();
            PartialDate validOn = payload.validOn();
            RecentFacts.Entry record = after.get(event.aggregateId());
            logged.add(event.id(), event.position(), event.aggregateId(), record.type(), event.sequence(),
                    payload.getClass().getSimpleName(), validOn == null ? null : validOn.toString(),
                    validOn == null ? null : validOn.earliest(), payload.provenance().recordedAt(), record.actors(),
                    event.client(), event.correlationId(), event.draftId(), payloads.get(i));
        }
        jdbc.copy(logged);
        // Every actor the record's events ever named, retracted or not, so that a pair's counts are recounted when a
        // record leaves it, and the same set results whether the events arrive one by one or in one batch.
        jdbc.batchUpdate("UPDATE views.event_log SET parties = ? WHERE aggregate_id = ? AND parties IS DISTINCT FROM ?",
                partiesChanged);
        CopyRows firstTimelines = new CopyRows(FIRST_TIMELINE);
        List<Object[]> laterTimelines = new ArrayList<>();
        after.forEach((aggregateId, record) -> {
            List<LocalDate> dates = record.facts().stream().map(f -> f.event().validOn()).filter(Objects::nonNull)
                    .map(PartialDate::earliest).sorted().toList();
            if (before.get(aggregateId).facts().isEmpty()) {
                firstTimelines.add(aggregateId, record.actors(), dates);
            } else {
                laterTimelines.add(new Object[]{aggregateId, jdbc.textArray(record.actors()), jdbc.dateArray(dates)});
            }
        });
        jdbc.copy(firstTimelines);
        jdbc.batchUpdate(KEEP_TIMELINE_DATES, laterTimelines);
        rewrite(after, newRecords, awaitPrepared(prepared));
        after.forEach(recent::put);
        return fresh.size();
    }

    private static Prepared awaitPrepared(CompletableFuture<Prepared> prepared) {
        try {
            return prepared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
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
    private Map<String, RecentFacts.Entry> earlierFacts(Collection<String> aggregateIds, Map<String, Long> applied) {
        Map<String, RecentFacts.Entry> earlier = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String id : aggregateIds) {
            Long version = applied.get(id);
            RecentFacts.Entry entry = version == null ? NEW_RECORD : recent.at(id, version);
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
    private static LoggedFact factOf(PublishedEvent event) {
        DyadEvent payload = (DyadEvent) event.payload();
        return new LoggedFact(event.id(), event.aggregateId(), event.sequence(), event.position(),
                payload.getClass().getSimpleName(), payload.provenance().recordedAt().truncatedTo(ChronoUnit.MICROS),
                payload);
    }

    /**
     * The record's type, from its events' own types. Corrections and retractions belong to the record they amend,
     * whose type the other events give.
     */
    private static String typeOf(List<LoggedFact> facts) {
        return facts.stream().map(f -> EventCatalog.aggregateOf(f.event().getClass()))
                .filter(type -> !"record".equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("record " + facts.get(0).aggregateId()
                        + " has only corrections or retractions in the views"));
    }

    /**
     * A record with its facts, its version (its last fact's sequence) and every actor its events ever named
     * ({@link DyadEvent#actors()}), retracted or not, sorted (the timeline finds a pair's own records by this set's
     * equality).
     */
    private static RecentFacts.Entry entry(String type, List<LoggedFact> facts) {
        Set<String> actors = new TreeSet<>();
        facts.forEach(f -> actors.addAll(f.event().actors()));
        return new RecentFacts.Entry(type, facts.get(facts.size() - 1).sequence(), facts, actors);
    }

    /**
     * Folds the records again from their facts and has each kind's projection rewrite their rows, then brings
     * their pairs' counts up to date and counts the change for their actors. The rows of {@code newRecords} (not in
     * the views before) are not looked for: in an import or a rebuild that is almost every record.
     */
    private void rewrite(Map<String, RecentFacts.Entry> records, Set<String> newRecords) {
        rewrite(records, newRecords, prepare(records, newRecords));
    }

    /** The records' histories by kind, and what each kind's projection prepares from them. */
    private record Prepared(Map<String, List<RecordHistory>> byType, Map<String, Object> byProjection) {
    }

    /** The part of a rewrite that reads and writes no table: the records' histories, and their projections' folds. */
    private Prepared prepare(Map<String, RecentFacts.Entry> records, Set<String> newRecords) {
        Map<String, List<RecordHistory>> byType = new LinkedHashMap<>();
        List<Map.Entry<String, RecentFacts.Entry>> entries = List.copyOf(records.entrySet());
        List<RecordHistory> histories = entries.parallelStream().map(r -> RecordHistory.of(r.getKey(),
                r.getValue().version(), r.getValue().facts(), r.getValue().actors())).toList();
        for (int i = 0; i < entries.size(); i++) {
            byType.computeIfAbsent(entries.get(i).getValue().type(), k -> new ArrayList<>()).add(histories.get(i));
        }
        Map<String, Object> prepared = new HashMap<>();
        byType.forEach((type, ofType) -> {
            RecordProjection projection = projections.get(type);
            if (projection == null) {
                throw new IllegalStateException("unknown record type " + type);
            }
            Object work = projection.prepare(ofType, newRecords);
            if (work != null) {
                prepared.put(type, work);
            }
        });
        return new Prepared(byType, prepared);
    }

    private void rewrite(Map<String, RecentFacts.Entry> records, Set<String> newRecords, Prepared prepared) {
        if (records.isEmpty()) {
            return;
        }
        BatchWrites batch = new BatchWrites(jdbc);
        records.values().forEach(record -> batch.changed().named(record.actors()));
        prepared.byType().forEach((type, ofType) -> projections.get(type).rewrite(ofType, newRecords, batch,
                prepared.byProjection().get(type)));
        batch.flush();
        // answers kept by AnswerCache hold until this commit
        jdbc.update("UPDATE views.view_change SET changes = changes + 1");
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
    private Map<String, RecentFacts.Entry> logged(List<String> aggregateIds) {
        Map<String, RecentFacts.Entry> records = new LinkedHashMap<>();
        eventLog.factsOf(aggregateIds, null).forEach((id, facts) -> records.put(id, entry(typeOf(facts), facts)));
        return records;
    }
}
