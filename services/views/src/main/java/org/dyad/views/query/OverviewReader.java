package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.views.model.DeliveredValue;
import org.dyad.views.model.EstimateTotals;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.dyad.views.query.ViewDocuments.Kind.AGREEMENT;

/**
 * The whole record at a glance. Each year's {@code tiv} is the TIV delivered in that year, as SIPRI counts it
 * ({@link DeliveredValue}: units delivered times the TIV per unit, a total over several years spread evenly over them,
 * that part also given as {@code tivSpread}); deals are counted by the year they were reported. Deals are counted
 * whatever their status; the values ordered ({@code tivOrdered} per year, and each flow's {@code tiv} and
 * {@code usd}: each deal's latest estimate in TIV and in US dollars) are summed over standing deals only, as
 * {@link EstimateTotals} sums them, so a superseded order never adds to the order that replaced it. In the present
 * the figures come from the view tables' columns. At another time the records on record by then are folded again,
 * as every other view does; when there are more than
 * {@link ViewDocuments#MAX_FOLDED} of them, the records are cut by date but keep their present stage and values,
 * and the answer says it is {@code approximate}.
 */
@Component
public class OverviewReader {

    /** One deal, reduced to what the overview sums. */
    private record DealFigures(String supplier, String recipient, int year, String stage, boolean pending,
                               BigDecimal tiv, BigDecimal usd, List<DeliveredValue.YearShare> delivered) {
    }

    private record AgreementFigures(String status, Integer year) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ViewDocuments documents;

    OverviewReader(NamedParameterJdbcTemplate jdbc, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    public ObjectNode fetch(FetchOverview query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String dealsThen = cut("reported_from", "deal_id", query, params);
        String agreementsThen = cut("signed_from", "agreement_id", query, params);
        boolean approximate = false;
        if (!ViewDocuments.present(query.asOf(), query.knownAt())) {
            List<String> dealIds = jdbc.queryForList("SELECT deal_id FROM views.deal" + dealsThen, params,
                    String.class);
            List<String> agreementIds = jdbc.queryForList("SELECT agreement_id FROM views.agreement"
                    + agreementsThen, params, String.class);
            if (dealIds.size() + agreementIds.size() <= ViewDocuments.MAX_FOLDED) {
                return answer(query, false,
                        documents.dealSummaries(dealIds, query.asOf(), query.knownAt()).stream()
                                .map(OverviewReader::dealFigures).toList(),
                        documents.of(AGREEMENT, agreementIds, query.asOf(), query.knownAt()).stream()
                                .map(a -> new AgreementFigures(a.path("status").asText(), year(a.path("signedOn"))))
                                .toList());
            }
            approximate = true;
        }
        Integer lastYear = query.asOf() == null ? null : query.asOf().getYear();
        List<DealFigures> deals = jdbc.query("""
                SELECT supplier, recipient, reported_from, stage, pending,
                       CASE WHEN status NOT IN ('CANCELLED', 'SUPERSEDED') THEN tiv END AS tiv,
                       CASE WHEN status NOT IN ('CANCELLED', 'SUPERSEDED')
                            THEN CAST(values_by_currency -> 'USD' ->> 'high' AS NUMERIC) END AS usd,
                       tiv AS order_tiv,
                       CAST(jsonb_build_object('items', doc -> 'items', 'deliveries', doc -> 'deliveries',
                            'stage', doc -> 'stage', 'deliveredOn', doc -> 'deliveredOn',
                            'register', jsonb_build_object('row', doc -> 'register' -> 'row')) AS text) AS delivery
                FROM views.deal""" + dealsThen, params, (rs, n) -> new DealFigures(rs.getString("supplier"),
                rs.getString("recipient"), rs.getDate("reported_from").toLocalDate().getYear(), rs.getString("stage"),
                rs.getBoolean("pending"), rs.getBigDecimal("tiv"), rs.getBigDecimal("usd"),
                deliveredBy(DeliveredValue.of(ViewDocuments.readTree(rs.getString("delivery")),
                        rs.getBigDecimal("order_tiv")), lastYear)));
        List<AgreementFigures> agreements = jdbc.query("SELECT status, signed_from FROM views.agreement"
                + agreementsThen, params, (rs, n) -> new AgreementFigures(rs.getString("status"),
                rs.getDate("signed_from").toLocalDate().getYear()));
        return answer(query, approximate, deals, agreements);
    }

    /** The records on record by the query's times: reported (or signed) by asOf, first recorded by knownAt. */
    private static String cut(String dateColumn, String idColumn, FetchOverview query, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (query.asOf() != null) {
            where.append(" AND ").append(dateColumn).append(" <= :asOf");
            params.addValue("asOf", query.asOf());
        }
        if (query.knownAt() != null) {
            where.append(" AND ").append(idColumn).append(" IN (SELECT aggregate_id FROM views.event_log")
                    .append(" WHERE recorded_at <= :knownAt)");
            params.addValue("knownAt", Timestamp.from(query.knownAt()));
        }
        return where.toString();
    }

    private static DealFigures dealFigures(JsonNode deal) {
        boolean standing = EstimateTotals.standing(deal.path("status").asText());
        JsonNode tiv = standing ? EstimateTotals.latest(deal, "TIV") : null;
        JsonNode usd = standing ? EstimateTotals.latest(deal, "USD") : null;
        Integer year = year(deal.path("reportedOn"));
        return new DealFigures(deal.path("supplier").asText(), deal.path("recipient").asText(),
                year == null ? 0 : year, deal.path("stage").asText(), DealReader.isPending(deal),
                tiv == null ? null : EstimateTotals.high(tiv), usd == null ? null : EstimateTotals.high(usd),
                DependenceReader.value(deal).years());
    }

    /**
     * A deal's deliveries by year up to the year asked about: the present deliveries of a deal cut by date (an
     * approximate answer) may reach beyond it.
     */
    private static List<DeliveredValue.YearShare> deliveredBy(DeliveredValue.Deal deal, Integer lastYear) {
        return lastYear == null ? deal.years()
                : deal.years().stream().filter(share -> share.year() <= lastYear).toList();
    }

    private static Integer year(JsonNode partialDate) {
        return partialDate.isTextual() ? PartialDate.parse(partialDate.asText()).earliest().getYear() : null;
    }

    private static ObjectNode answer(FetchOverview query, boolean approximate, List<DealFigures> deals,
                                     List<AgreementFigures> agreements) {
        ObjectNode answer = DyadJson.mapper().createObjectNode();
        answer.put("asOf", query.asOf() == null ? null : query.asOf().toString());
        answer.put("knownAt", query.knownAt() == null ? null : query.knownAt().toString());
        answer.put("approximate", approximate);
        answer.put("deals", deals.size());
        answer.put("pendingDeals", deals.stream().filter(DealFigures::pending).count());
        answer.put("agreements", agreements.size());

        Map<Integer, List<DealFigures>> dealsByYear = deals.stream()
                .collect(Collectors.groupingBy(DealFigures::year, TreeMap::new, Collectors.toList()));
        Map<Integer, List<DeliveredValue.YearShare>> deliveredByYear = deals.stream()
                .flatMap(d -> d.delivered().stream())
                .collect(Collectors.groupingBy(DeliveredValue.YearShare::year, TreeMap::new, Collectors.toList()));
        Map<Integer, Long> signedByYear = agreements.stream().filter(a -> a.year() != null)
                .collect(Collectors.groupingBy(AgreementFigures::year, TreeMap::new, Collectors.counting()));
        TreeSet<Integer> years = new TreeSet<>(dealsByYear.keySet());
        years.addAll(signedByYear.keySet());
        years.addAll(deliveredByYear.keySet());
        ArrayNode byYear = answer.putArray("byYear");
        for (Integer year : years) {
            List<DealFigures> ofYear = dealsByYear.getOrDefault(year, List.of());
            ObjectNode row = byYear.addObject();
            row.put("year", year);
            row.put("deals", ofYear.size());
            List<DeliveredValue.YearShare> deliveredIn = deliveredByYear.getOrDefault(year, List.of());
            row.put("tiv", deliveredIn.stream().map(DeliveredValue.YearShare::tiv).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            row.put("tivSpread", deliveredIn.stream().filter(s -> s.basis() == DeliveredValue.Basis.SPREAD)
                    .map(DeliveredValue.YearShare::tiv).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            row.put("tivOrdered", sum(ofYear, DealFigures::tiv));
            row.put("usd", sum(ofYear, DealFigures::usd));
            row.put("agreementsSigned", signedByYear.getOrDefault(year, 0L));
        }

        Map<String, List<DealFigures>> byFlow = deals.stream()
                .collect(Collectors.groupingBy(d -> d.supplier() + ">" + d.recipient()));
        List<ObjectNode> flows = new ArrayList<>();
        byFlow.forEach((key, ofFlow) -> {
            ObjectNode flow = DyadJson.mapper().createObjectNode();
            flow.put("supplier", ofFlow.get(0).supplier());
            flow.put("recipient", ofFlow.get(0).recipient());
            flow.put("deals", ofFlow.size());
            flow.put("tiv", sum(ofFlow, DealFigures::tiv));
            flow.put("usd", sum(ofFlow, DealFigures::usd));
            flows.add(flow);
        });
        flows.sort(Comparator.<ObjectNode, BigDecimal>comparing(f -> f.path("tiv").decimalValue()).reversed()
                .thenComparing(Comparator.<ObjectNode>comparingInt(f -> f.path("deals").asInt()).reversed())
                .thenComparing(f -> f.path("supplier").asText() + ">" + f.path("recipient").asText()));
        ArrayNode topFlows = answer.putArray("flows");
        flows.stream().limit(query.flows()).forEach(topFlows::add);

        ArrayNode byStage = answer.putArray("dealsByStage");
        deals.stream().collect(Collectors.groupingBy(DealFigures::stage, TreeMap::new, Collectors.counting()))
                .forEach((stage, count) -> byStage.addObject().put("stage", stage).put("deals", count));
        ArrayNode byStatus = answer.putArray("agreementsByStatus");
        agreements.stream().collect(Collectors.groupingBy(AgreementFigures::status, TreeMap::new,
                        Collectors.counting()))
                .forEach((status, count) -> byStatus.addObject().put("status", status).put("agreements", count));
        return answer;
    }

    private static BigDecimal sum(List<DealFigures> deals, Function<DealFigures, BigDecimal> value) {
        return deals.stream().map(value).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
