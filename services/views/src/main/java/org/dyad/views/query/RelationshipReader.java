package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.query.FetchDeals;
import org.dyad.contracts.query.FetchPartners;
import org.dyad.contracts.query.FetchRelationship;
import org.dyad.contracts.query.FetchTimeline;
import org.dyad.contracts.wire.DyadJson;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.dyad.views.query.RecordDocuments.Kind.STATEMENT;

/** The relationship of a pair of actors, and an actor's partners. */
@Component
public class RelationshipReader {

    /** How many of the pair's most recent timeline entries the relationship itself shows. */
    static final int TIMELINE_PREVIEW = 100;

    private final NamedParameterJdbcTemplate jdbc;
    private final RecordDocuments documents;
    private final AgreementReader agreements;
    private final DealReader deals;
    private final TimelineReader timeline;

    RelationshipReader(NamedParameterJdbcTemplate jdbc, RecordDocuments documents, AgreementReader agreements,
                       DealReader deals, TimelineReader timeline) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.agreements = agreements;
        this.deals = deals;
        this.timeline = timeline;
    }

    public ObjectNode fetch(FetchRelationship query) {
        String a = query.partyA().compareTo(query.partyB()) <= 0 ? query.partyA() : query.partyB();
        String b = a.equals(query.partyA()) ? query.partyB() : query.partyA();
        List<ObjectNode> agreed = agreements.between(a, b, query.asOf(), query.knownAt());
        List<ObjectNode> dealt = deals.between(a, b, new FetchDeals("ALL", null, null, null, null, null, null, null,
                null, false, 0, 0, query.asOf(), query.knownAt()));
        List<String> statementIds = jdbc.queryForList("""
                SELECT s.statement_id FROM views.statement_actor x
                JOIN views.statement_actor y ON y.statement_id = x.statement_id
                JOIN views.statement s ON s.statement_id = x.statement_id
                WHERE x.actor = :a AND y.actor = :b ORDER BY s.made_from, s.statement_id""",
                Map.of("a", a, "b", b), String.class);
        List<ObjectNode> said = documents.of(STATEMENT, statementIds, query.asOf(), query.knownAt());

        ObjectNode answer = DyadJson.mapper().createObjectNode();
        answer.putPOJO("parties", List.of(a, b));
        answer.put("asOf", query.asOf() == null ? null : query.asOf().toString());
        answer.put("knownAt", query.knownAt() == null ? null : query.knownAt().toString());
        answer.set("agreements", RecordDocuments.array(agreed));
        answer.set("deals", RecordDocuments.array(dealt));
        answer.set("statements", RecordDocuments.array(said));
        answer.set("estimateTotals", EstimateTotals.of(dealt));
        List<String> dates = new ArrayList<>();
        agreed.forEach(n -> n.path("history").forEach(h -> dates.add(h.path("validOn").asText(null))));
        dealt.forEach(n -> {
            dates.add(n.path("firstValidOn").asText(null));
            dates.add(n.path("lastValidOn").asText(null));
        });
        said.forEach(n -> dates.add(n.path("madeOn").asText(null)));
        List<String> known = dates.stream().filter(Objects::nonNull).map(d -> d.replace("~", "")).sorted().toList();
        answer.put("firstEventOn", known.isEmpty() ? null : known.get(0));
        answer.put("lastEventOn", known.isEmpty() ? null : known.get(known.size() - 1));
        ObjectNode recent = timeline.fetch(new FetchTimeline(List.of(a, b), null, query.asOf(), List.of(), 0,
                TIMELINE_PREVIEW, query.knownAt()));
        answer.set("timeline", recent.path("items"));
        answer.put("timelineTotal", recent.path("total").asLong());
        answer.set("dealsByDirection", byDirection(dealt, a, b));
        return answer;
    }

    private static List<JsonNode> direction(List<ObjectNode> deals, String supplier) {
        return deals.stream().filter(d -> supplier.equals(d.path("supplier").asText())).map(d -> (JsonNode) d).toList();
    }

    /** Deal ids per direction and stage, e.g. {"RUS->IRN": {"REPORTED": ["..."]}}. */
    private static ObjectNode byDirection(List<ObjectNode> deals, String a, String b) {
        ObjectNode directions = DyadJson.mapper().createObjectNode();
        for (String[] d : new String[][]{{a, b}, {b, a}}) {
            ObjectNode stages = directions.putObject(d[0] + "->" + d[1]);
            for (JsonNode deal : direction(deals, d[0])) {
                String key = "ACTIVE".equals(deal.path("status").asText()) ? deal.path("stage").asText()
                        : deal.path("status").asText();
                (stages.has(key) ? (ArrayNode) stages.get(key) : stages.putArray(key)).add(deal.path("dealId").asText());
            }
        }
        return directions;
    }

    /**
     * The actor's partners and what is on record with each. The present comes from the relationship rows; another
     * time counts the records with facts valid by then and recorded by then.
     */
    public ObjectNode partners(FetchPartners query) {
        MapSqlParameterSource params = new MapSqlParameterSource("party", query.party())
                .addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        String rows;
        if (RecordDocuments.present(query.asOf(), query.knownAt())) {
            rows = """
                    SELECT CASE WHEN party_a = :party THEN party_b ELSE party_a END AS partner, agreements, deals,
                        statements, first_event_on, last_event_on
                    FROM views.relationship WHERE party_a = :party OR party_b = :party""";
        } else {
            params.addValue("asOf", query.asOf() == null ? null : Date.valueOf(query.asOf()))
                    .addValue("knownAt", query.knownAt() == null ? null : Timestamp.from(query.knownAt()));
            rows = """
                    SELECT partner,
                        count(DISTINCT aggregate_id) FILTER (WHERE aggregate_type = 'agreement') AS agreements,
                        count(DISTINCT aggregate_id) FILTER (WHERE aggregate_type = 'deal') AS deals,
                        count(DISTINCT aggregate_id) FILTER (WHERE aggregate_type = 'statement') AS statements,
                        min(valid_from) AS first_event_on, max(valid_from) AS last_event_on
                    FROM views.event_log, unnest(parties) AS partner
                    WHERE parties @> ARRAY[CAST(:party AS text)] AND partner <> :party AND sequence = 0
                      AND (CAST(:asOf AS date) IS NULL OR valid_from <= CAST(:asOf AS date))
                      AND (CAST(:knownAt AS timestamptz) IS NULL OR recorded_at <= CAST(:knownAt AS timestamptz))
                    GROUP BY partner""";
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM (" + rows + ") p", params, Long.class);
        List<ObjectNode> partners = jdbc.query("SELECT * FROM (" + rows + ") p ORDER BY agreements + deals + statements"
                + " DESC, partner LIMIT :limit OFFSET :offset", params, (rs, n) -> {
                    ObjectNode partner = DyadJson.mapper().createObjectNode();
                    partner.put("partner", rs.getString("partner"));
                    partner.put("agreements", rs.getInt("agreements"));
                    partner.put("deals", rs.getInt("deals"));
                    partner.put("statements", rs.getInt("statements"));
                    partner.put("firstEventOn", rs.getString("first_event_on"));
                    partner.put("lastEventOn", rs.getString("last_event_on"));
                    return partner;
                });
        return RecordDocuments.page(partners, query.page(), query.size(), total == null ? 0 : total);
    }
}
