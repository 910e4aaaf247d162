package org.dyad.views.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.common.PartialDate;
import org.dyad.views.query.ViewDocuments;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The deals export: one row per deal, in the order of their ids, as they stand (or stood, {@code asOf} a date and
 * {@code knownAt} an instant). Deals are read a page at a time by id; each page is folded (for another time),
 * filtered, written and flushed before the next is read.
 */
@Component
public class DealExport {

    private static final String[] DATES = {"reported_on", "contracted_on", "delivered_on", "status_since"};
    private static final String[] DATE_FIELDS = {"reportedOn", "contractedOn", "deliveredOn", "statusSince"};

    private final NamedParameterJdbcTemplate jdbc;
    private final ViewDocuments documents;
    private final ExportCurrencies currencies;
    private final ExportSettings settings;

    DealExport(NamedParameterJdbcTemplate jdbc, ViewDocuments documents, ExportCurrencies currencies,
               ExportSettings settings) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.currencies = currencies;
        this.settings = settings;
    }

    public void write(ExportFilter filter, TidyFormat format, OutputStream out) throws IOException {
        write(filter, format, out, settings.pageSize());
    }

    /** Writes the export reading {@code pageSize} deals per query. */
    public void write(ExportFilter filter, TidyFormat format, OutputStream out, int pageSize) throws IOException {
        List<String> currencyList = currencies.ofDeals();
        TidyRowWriter rows = TidyRowWriter.open(format, columns(currencyList), out, settings.rowGroupBytes());
        String after = "";
        while (true) {
            List<String> ids = page(filter, after, pageSize);
            if (ids.isEmpty()) {
                break;
            }
            after = ids.get(ids.size() - 1);
            Map<String, Instant[]> recorded = recordedTimes(ids, filter.knownAt());
            for (ObjectNode deal : documents.dealSummaries(ids, filter.asOf(), filter.knownAt())) {
                if (DealSelection.matches(deal, filter)) {
                    rows.write(row(deal, currencyList, recorded.get(deal.path("dealId").asText())));
                }
            }
            rows.flush();
            out.flush();
        }
        rows.finish();
        out.flush();
    }

    static List<TidyColumn> columns(List<String> currencies) {
        List<TidyColumn> columns = new ArrayList<>();
        columns.add(TidyColumn.text("deal_id"));
        columns.addAll(ActorColumns.of("supplier"));
        columns.addAll(ActorColumns.of("recipient"));
        columns.add(TidyColumn.text("designations"));
        columns.add(TidyColumn.text("descriptions"));
        columns.add(TidyColumn.text("categories"));
        columns.add(TidyColumn.text("stage"));
        columns.add(TidyColumn.text("status"));
        columns.add(TidyColumn.text("status_reason"));
        for (String date : DATES) {
            columns.add(TidyColumn.text(date));
            columns.add(TidyColumn.text(date + "_precision"));
            columns.add(TidyColumn.bool(date + "_approximate"));
        }
        columns.add(TidyColumn.integer("order_year"));
        columns.add(TidyColumn.integer("first_delivery_year"));
        columns.add(TidyColumn.integer("last_delivery_year"));
        columns.add(TidyColumn.integer("units_ordered"));
        columns.add(TidyColumn.integer("units_delivered"));
        for (String currency : currencies) {
            String prefix = "value_" + currency.toLowerCase() + "_";
            columns.add(TidyColumn.number(prefix + "low"));
            columns.add(TidyColumn.number(prefix + "high"));
            columns.add(TidyColumn.text(prefix + "qualifier"));
            columns.add(TidyColumn.text(prefix + "basis"));
            columns.add(TidyColumn.integer(prefix + "price_year"));
            columns.add(TidyColumn.text(prefix + "estimated_on"));
            columns.add(TidyColumn.text(prefix + "source"));
            columns.add(TidyColumn.text(prefix + "grade"));
        }
        columns.add(TidyColumn.text("sources"));
        columns.add(TidyColumn.integer("source_count"));
        columns.add(TidyColumn.text("superseded_by"));
        columns.add(TidyColumn.text("framework_agreement_id"));
        columns.add(TidyColumn.timestamp("first_recorded_at"));
        columns.add(TidyColumn.timestamp("last_recorded_at"));
        columns.add(TidyColumn.integer("version"));
        return columns;
    }

    static Object[] row(JsonNode deal, List<String> currencies, Instant[] recorded) {
        List<Object> row = new ArrayList<>();
        row.add(deal.path("dealId").asText());
        row.addAll(ActorColumns.values(deal.path("supplier").asText(null)));
        row.addAll(ActorColumns.values(deal.path("recipient").asText(null)));
        StringJoiner designations = new StringJoiner("; ");
        StringJoiner descriptions = new StringJoiner("; ");
        StringJoiner categories = new StringJoiner("; ");
        for (JsonNode item : deal.path("items")) {
            designations.add(item.path("designation").asText());
            if (item.hasNonNull("description")) {
                descriptions.add(item.path("description").asText());
            }
            if (item.hasNonNull("category")) {
                categories.add(item.path("category").asText());
            }
        }
        row.add(designations.toString());
        row.add(descriptions.length() == 0 ? null : descriptions.toString());
        row.add(categories.length() == 0 ? null : categories.toString());
        row.add(deal.path("stage").asText(null));
        row.add(deal.path("status").asText(null));
        row.add(deal.path("statusReason").asText(null));
        for (String field : DATE_FIELDS) {
            PartialDate date = DealFacts.date(deal.path(field));
            row.add(date == null ? null : date.toString());
            row.add(DealFacts.precision(date));
            row.add(date == null ? null : date.approximate());
        }
        row.add(DealFacts.orderYear(deal));
        int[] deliveryYears = DealFacts.deliveryYears(deal);
        row.add(deliveryYears == null ? null : deliveryYears[0]);
        row.add(deliveryYears == null ? null : deliveryYears[1]);
        row.add(DealFacts.unitsOrdered(deal));
        row.add(DealFacts.unitsDelivered(deal));
        for (String currency : currencies) {
            JsonNode claim = DealFacts.latestClaim(deal, currency);
            JsonNode estimate = claim == null ? null : claim.path("estimate");
            row.add(estimate == null ? null : DealFacts.low(estimate));
            row.add(estimate == null ? null : DealFacts.high(estimate));
            row.add(estimate == null ? null : estimate.path("qualifier").asText(null));
            row.add(estimate == null ? null : estimate.path("basis").asText(null));
            row.add(estimate == null || !estimate.hasNonNull("priceYear") ? null : estimate.path("priceYear").asInt());
            row.add(claim == null ? null : claim.path("estimatedOn").asText(null));
            row.add(claim == null ? null : DealFacts.source(claim.path("provenance").path("source")));
            row.add(claim == null ? null : claim.path("provenance").path("grade").asText(null));
        }
        StringJoiner sources = new StringJoiner("; ");
        deal.path("sources").forEach(s -> sources.add(DealFacts.source(s)));
        row.add(sources.length() == 0 ? null : sources.toString());
        row.add(deal.path("sources").size());
        row.add(deal.path("supersededBy").asText(null));
        row.add(deal.path("frameworkAgreementId").asText(null));
        row.add(recorded == null ? null : recorded[0]);
        row.add(recorded == null ? null : recorded[1]);
        row.add(deal.path("version").asLong());
        return row.toArray();
    }

    /** The next page of deal ids after {@code after}, narrowed by what the stored columns can tell. */
    private List<String> page(ExportFilter filter, String after, int pageSize) {
        StringBuilder sql = new StringBuilder("SELECT deal_id FROM views.deal WHERE deal_id > :after");
        MapSqlParameterSource params = new MapSqlParameterSource("after", after).addValue("limit", pageSize);
        DealSelection.narrow(filter, sql, params);
        sql.append(" ORDER BY deal_id LIMIT :limit");
        return jdbc.queryForList(sql.toString(), params, String.class);
    }

    /** Each deal's first and last recorded instant, of what was recorded by {@code knownAt}. */
    private Map<String, Instant[]> recordedTimes(List<String> ids, Instant knownAt) {
        Map<String, Instant[]> times = new HashMap<>();
        jdbc.query("""
                SELECT aggregate_id, min(recorded_at) AS first, max(recorded_at) AS last FROM views.event_log
                WHERE aggregate_id IN (:ids)
                  AND (CAST(:knownAt AS timestamptz) IS NULL OR recorded_at <= CAST(:knownAt AS timestamptz))
                GROUP BY aggregate_id""", new MapSqlParameterSource("ids", ids)
                .addValue("knownAt", knownAt == null ? null : Timestamp.from(knownAt)), rs -> {
                    times.put(rs.getString(1), new Instant[]{rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant()});
                });
        return times;
    }
}
