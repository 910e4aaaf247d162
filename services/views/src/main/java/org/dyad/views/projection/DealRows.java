package org.dyad.views.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.common.Estimate;
import org.dyad.views.model.DealSummary;
import org.dyad.views.model.EstimateTotals;
import org.dyad.views.model.HistoryEntry;
import org.dyad.views.projection.RelationshipCounts.DealPlace;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.dyad.views.projection.BatchWrites.date;
import static org.dyad.views.projection.BatchWrites.json;

/** The rows of a deal: its document and index columns in {@code views.deal}, its states in {@code views.deal_state}. */
final class DealRows {

    private static final String UPSERT_DEAL = """
            INSERT INTO views.deal (deal_id, supplier, recipient, stage, status, pending, reported_from,
                superseded_by, categories, designations, value_currency, value_low, value_high, tiv,
                sources, first_valid, last_valid, version, doc, estimates, values_by_currency)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?::jsonb, ?::jsonb)
            ON CONFLICT (deal_id) DO UPDATE SET supplier = EXCLUDED.supplier,
                recipient = EXCLUDED.recipient, stage = EXCLUDED.stage, status = EXCLUDED.status,
                pending = EXCLUDED.pending, reported_from = EXCLUDED.reported_from,
                superseded_by = EXCLUDED.superseded_by, categories = EXCLUDED.categories,
                designations = EXCLUDED.designations, value_currency = EXCLUDED.value_currency,
                value_low = EXCLUDED.value_low, value_high = EXCLUDED.value_high, tiv = EXCLUDED.tiv,
                sources = EXCLUDED.sources, first_valid = EXCLUDED.first_valid,
                last_valid = EXCLUDED.last_valid, version = EXCLUDED.version, doc = EXCLUDED.doc,
                estimates = EXCLUDED.estimates, values_by_currency = EXCLUDED.values_by_currency""";

    /** A deal new to the views: its row appended. */
    private static final CopyRows.Target NEW_DEAL = new CopyRows.Target("views.deal", "deal_id", "supplier",
            "recipient", "stage", "status", "pending", "reported_from", "superseded_by", "categories", "designations",
            "value_currency", "value_low", "value_high", "tiv", "sources", "first_valid", "last_valid", "version",
            "doc", "estimates", "values_by_currency");

    private static final String DELETE_STATES = "DELETE FROM views.deal_state WHERE deal_id = ?";

    private static final CopyRows.Target STATES = new CopyRows.Target("views.deal_state", "deal_id", "valid_from",
            "valid_until", "supplier", "recipient", "standing", "pending", "reported_from", "first_valid_on",
            "last_valid_on", "estimate_currency", "estimate_basis", "estimate_low", "estimate_high", "summary",
            "estimates");

    private DealRows() {
    }

    /** A deal's row as it was before the batch: where it counted, and the deal that superseded it. */
    record DealRow(DealPlace place, String supersededBy) {
    }

    static Map<String, DealRow> before(ViewTables tables, List<String> dealIds) {
        Map<String, DealRow> rows = new HashMap<>();
        if (!dealIds.isEmpty()) {
            tables.query("SELECT deal_id, supplier, recipient, first_valid, last_valid, superseded_by FROM views.deal"
                    + " WHERE deal_id IN (:ids)", new MapSqlParameterSource("ids", dealIds), rs -> {
                        rows.put(rs.getString(1), new DealRow(DealPlace.of(rs.getString(2), rs.getString(3),
                                localDate(rs.getDate(4)), localDate(rs.getDate(5))), rs.getString(6)));
                    });
        }
        return rows;
    }

    /**
     * Puts the deals' statements in the order their rows must be written, whichever deal of the batch comes first:
     * a deal's row before its states (which refer to it), its earlier states removed before its new ones.
     */
    static void order(BatchWrites batch) {
        batch.inOrder(NEW_DEAL, UPSERT_DEAL, DELETE_STATES, STATES);
    }

    /**
     * Writes the deal's rows, or removes them when it is gone from the views ({@code deal} null). A deal new to the
     * views ({@code isNew}: no rows yet, as almost every deal of an import or a rebuild) has its rows appended.
     */
    static void write(RecordRows batch, RecordHistory record, DealView deal, boolean isNew) {
        if (deal == null) {
            batch.add("DELETE FROM views.deal WHERE deal_id = ?", record.id());
            return;
        }
        Estimate value = deal.latestValue();
        ObjectNode summary = DealSummary.of(deal);
        Object[] row = {record.id(), deal.supplier(), deal.recipient(), deal.stage().name(),
                deal.status().name(), deal.pending(), deal.reportedOn().earliest(), deal.supersededBy(),
                deal.categories(), deal.designations(), value == null ? null : value.currency(),
                value == null ? null : value.lowerBound(), value == null ? null : value.upperBound(),
                deal.latestTiv(), deal.sourceCount(), record.firstValid(), record.lastValid(),
                deal.version(), json(deal), json(EstimateTotals.estimateColumns(summary)),
                json(EstimateTotals.valuesByCurrency(summary))};
        if (isNew) {
            batch.copy(NEW_DEAL, row);
        } else {
            row[6] = date((LocalDate) row[6]);
            row[15] = date(record.firstValid());
            row[16] = date(record.lastValid());
            batch.add(UPSERT_DEAL, row);
            batch.add(DELETE_STATES, record.id());
        }
        writeStates(batch, record.history(), record.version(), deal, summary);
    }

    /**
     * The deal's state for each span between the dates on which what is known of it changes: the first and the last
     * day each fact's date may denote ({@code DealProjection.fold}: from its first day a fact may be in effect, from
     * its last day it surely is). Within a span the same facts are surely, possibly or not yet in effect, so one
     * fold per span answers every date in it, as the fold of a single deal as of that date does. The last span is the
     * present; its summary is the one lists and relationships of the present read. Adjacent spans whose states are
     * the same (an estimate counts from the first day of its date, so a year's first and last days often change
     * nothing) are written as one row, which answers every date in either as each would.
     */
    private static void writeStates(RecordRows batch, List<HistoryEntry> history, long version, DealView present,
                                    ObjectNode presentSummary) {
        List<LocalDate> dates = history.stream().filter(h -> h.validOn() != null)
                .flatMap(h -> Stream.of(h.validOn().earliest(), h.validOn().latest())).distinct().sorted().toList();
        Object[] pending = null;
        for (int i = 0; i <= dates.size(); i++) {
            LocalDate from = i == 0 ? null : dates.get(i - 1);
            LocalDate until = i == dates.size() ? null : dates.get(i);
            Object[] state;
            if (until == null) {
                state = state(from, null, present, presentSummary);
            } else {
                LocalDate asOf = from == null ? until.minusDays(1) : from;
                DealView deal = DealProjection.fold(history.stream()
                        .filter(h -> h.validOn() == null || !h.validOn().earliest().isAfter(asOf)).toList(), version,
                        asOf);
                state = deal == null ? null : state(from, until, deal, DealSummary.of(deal));
            }
            if (pending != null && state != null && sameState(pending, state)) {
                pending[VALID_UNTIL] = state[VALID_UNTIL];
                continue;
            }
            if (pending != null) {
                batch.copy(STATES, pending);
            }
            pending = state;
        }
        if (pending != null) {
            batch.copy(STATES, pending);
        }
    }

    private static final int VALID_FROM = 1;
    private static final int VALID_UNTIL = 2;

    /** One span's state, with the deal's summary then: a row of {@link #STATES}. */
    private static Object[] state(LocalDate from, LocalDate until, DealView deal, ObjectNode summary) {
        JsonNode estimate = EstimateTotals.latest(summary);
        return new Object[]{deal.dealId(), from, until, deal.supplier(), deal.recipient(),
                deal.standing(), deal.pending(), deal.reportedOn().earliest(),
                summary.path("firstValidOn").asText(null), summary.path("lastValidOn").asText(null),
                estimate == null ? null : estimate.path("currency").asText(),
                estimate == null ? null : estimate.path("basis").asText(),
                estimate == null ? null : EstimateTotals.low(estimate),
                estimate == null ? null : EstimateTotals.high(estimate), json(summary),
                json(EstimateTotals.estimateColumns(summary))};
    }

    /** Whether two states of consecutive spans hold the same in every column but their spans' dates. */
    private static boolean sameState(Object[] earlier, Object[] later) {
        if (!Objects.equals(earlier[VALID_UNTIL], later[VALID_FROM])) {
            return false;
        }
        for (int i = 0; i < earlier.length; i++) {
            if (i != VALID_FROM && i != VALID_UNTIL && !Objects.equals(earlier[i], later[i])) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
