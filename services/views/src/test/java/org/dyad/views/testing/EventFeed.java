package org.dyad.views.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.contracts.wire.EventCatalog;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.views.projection.BatchProjector;
import org.dyad.views.projection.ViewTables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes events to the views as the topic subscriber does: each event in its envelope (id, sequence within its
 * record, position in the store), applied in batches by a {@link BatchProjector}, one transaction per batch holding
 * the views' write lock.
 */
public final class EventFeed {

    public static final Source SIPRI = new Source("SIPRI", "Trade register", null, PartialDate.parse("2025"), null,
            "en");

    private final ViewsDatabase database;
    private final ViewTables tables;
    private final BatchProjector projector;
    private final Map<String, Long> sequences = new HashMap<>();
    private long position;

    public EventFeed(ViewsDatabase database) {
        this.database = database;
        this.tables = new ViewTables(database.jdbc(), ViewTables.LIVE);
        this.projector = new BatchProjector(tables);
    }

    /** Recorded by an analyst from SIPRI at the instant given (e.g. {@code 2001-03-13T10:00:00Z}). */
    public static Provenance at(String recordedAt) {
        return new Provenance(SIPRI, null, Instant.parse(recordedAt), "analyst");
    }

    public static PartialDate date(String text) {
        return PartialDate.parse(text);
    }

    /** The event in its envelope, next in its record's sequence and in the store's order. */
    public PublishedEvent envelope(DyadEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
        position++;
        Class<?> type = event.getClass();
        return new PublishedEvent("event-" + position, EventCatalog.typeOf(type), event.aggregateId(), sequence,
                position, event.provenance().recordedAt().atOffset(ZoneOffset.UTC), event, "test-client",
                "correlation-" + position);
    }

    /** Publishes the events as one batch; answers their envelopes. */
    public List<PublishedEvent> publish(DyadEvent... events) {
        List<PublishedEvent> published = new ArrayList<>();
        for (DyadEvent event : events) {
            published.add(envelope(event));
        }
        apply(published);
        return published;
    }

    /** Applies the envelopes as one batch (again, for a redelivery); answers how many changed the views. */
    public int apply(List<PublishedEvent> batch) {
        Integer changed = database.transaction().execute(tx -> {
            tables.lockForWriting();
            return projector.apply(batch);
        });
        return changed == null ? 0 : changed;
    }

    /** Re-folds the agreements whose status changes by {@code today}, as the daily review does. */
    public int reviewAgreementsDueBy(LocalDate today) {
        Integer reviewed = database.transaction().execute(tx -> projector.reviewAgreementsDueBy(today));
        return reviewed == null ? 0 : reviewed;
    }

    /** Writes the states of deals stored without them, as the views do at start; answers how many. */
    public int fillMissingDealStates() {
        Integer filled = database.transaction().execute(tx -> projector.fillMissingDealStates(500));
        return filled == null ? 0 : filled;
    }

    /** A JSON answer as a client receives it (stored texts included as they are sent). */
    public static JsonNode asSent(Object answer) {
        try {
            return DyadJson.mapper().readTree(DyadJson.mapper().writeValueAsString(answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
