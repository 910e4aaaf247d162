package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealStatus;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.views.model.EstimateTotals;
import org.dyad.views.projection.DealView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.dyad.views.query.ViewDocuments.Kind.STATEMENT;

/** The relationship of a pair of actors, and an actor's partners. */
@Component
public class RelationshipReader {

    /** How many of the pair's most recent timeline entries the relationship itself shows. */
    static final int TIMELINE_PREVIEW = 50;

    /** A deal's standing: its stage while active, else its status; in this order in answers. */
    private static final List<String> STANDINGS = Stream.concat(
            Arrays.stream(DealStage.values()).map(Enum::name),
            Arrays.stream(DealStatus.values()).filter(s -> s != DealStatus.ACTIVE).map(Enum::name)).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final ViewDocuments documents;
    private final AgreementReader agreements;
    private final DealReader deals;
    private final TimelineReader timeline;
    private final EmbargoReader embargoes;
    private final InheritedRecords inherited;

    RelationshipReader(NamedParameterJdbcTemplate jdbc, ViewDocuments documents, AgreementReader agreements,
                       DealReader deals, TimelineReader timeline, EmbargoReader embargoes) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.agreements = agreements;
        this.deals = deals;
        this.timeline = timeline;
        this.embargoes = embargoes;
        this.inherited = new InheritedRecords(jdbc, documents);
    }

    public ObjectNode fetch(FetchRelationship query) {
        String a = query.partyA().compareTo(query.partyB()) <= 0 ? query.partyA() : query.partyB();
        String b = a.equals(query.partyA()) ? query.partyB() : query.partyA();
        List<ObjectNode> agreed = InheritedRecords.agreementsOfBoth(agreements.between(a, b, query.asOf(), query.knownAt()), a, b);
        PairDeals dealt = query.knownAt() == null ? dealStates(a, b, query) : foldedDeals(a, b, query);
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
        answer.set("agreements", ViewDocuments.array(agreed));
        answer.put("dealsTotal", dealt.total());
        answer.put("dealsPending", dealt.pending());
        answer.put("dealsPage", query.dealsPage());
        answer.put("dealsSize", query.dealsSize());
        answer.set("deals", ViewDocuments.array(dealt.page()));
        answer.set("dealsBySuccession", ViewDocuments.array(inherited.deals(a, b, query.asOf(), query.knownAt())));
        answer.set("dealsByDirection", dealt.byDirection());
        answer.set("statements", ViewDocuments.array(said));
        answer.set("embargoes", ViewDocuments.array(embargoes.inForceBetween(a, b, query.asOf(), query.knownAt())));
        answer.set("estimateTotals", dealt.estimateTotals());
        answer.set("dealsNotTotalled", dealt.notTotalled());
        List<String> dates = new ArrayList<>(dealt.validDates());
        agreed.forEach(n -> n.path("history").forEach(h -> dates.add(h.path("validOn").asText(null))));
        said.forEach(n -> dates.add(n.path("madeOn").asText(null)));
        List<String> known = dates.stream().filter(Objects::nonNull).map(d -> d.replace("~", "")).sorted().toList();
        answer.put("firstEventOn", known.isEmpty() ? null : known.get(0));
        answer.put("lastEventOn", known.isEmpty() ? null : known.get(known.size() - 1));
        ObjectNode recent = timeline.latest(new FetchTimeline(List.of(a, b), null, query.asOf(), List.of(), 0,
                TIMELINE_PREVIEW, query.knownAt()));
        answer.set("timeline", recent.path("items"));
        answer.put("timelineTotal", recent.path("total").asLong());
        return answer;
    }

    /**
     * The pair's deals: one page of summaries, and over all of them the count, the pending ones, the count per
     * direction and standing, the estimate totals with the deals left out of them, and the first and last valid
     * dates.
     */
    private record PairDeals(List<? extends JsonNode> page, long total, long pending, ObjectNode byDirection,
                             ArrayNode estimateTotals, ObjectNode notTotalled, List<String> validDates) {
    }

    /** With what is known now, from the deals' stored states: counted and summed in SQL, one page parsed. */
    private PairDeals dealStates(String a, String b, FetchRelationship query) {
        MapSqlParameterSource params = new MapSqlParameterSource("a", a).addValue("b", b)
                .addValue("asOf", query.asOf() == null ? null : Date.valueOf(query.asOf()))
                .addValue("limit", query.dealsSize()).addValue("offset", (long) query.dealsPage() * query.dealsSize());
        String states = " FROM views.deal_state WHERE ((supplier = :a AND recipient = :b) OR (supplier = :b AND"
                + " recipient = :a)) AND " + (query.asOf() == null ? "valid_until IS NULL"
                : "(valid_from IS NULL OR valid_from <= :asOf) AND (valid_until IS NULL OR valid_until > :asOf)");
        ObjectNode byDirection = directions(a, b);
        long[] counts = new long[2];
        List<String> dates = new ArrayList<>();
        EstimateTotals.Tally tally = new EstimateTotals.Tally();
        ObjectNode notTotalled = DyadJson.mapper().createObjectNode();
        jdbc.query("SELECT supplier, standing, count(*) AS n, count(*) FILTER (WHERE pending) AS pending,"
                + " min(first_valid_on COLLATE \"C\") AS first, max(last_valid_on COLLATE \"C\") AS last" + states
                + " GROUP BY supplier, standing", params, rs -> {
                    String standing = rs.getString("standing");
                    long n = rs.getLong("n");
                    String to = rs.getString("supplier").equals(a) ? b : a;
                    ((ObjectNode) byDirection.get(rs.getString("supplier") + "->" + to)).put(standing, n);
                    counts[0] += n;
                    counts[1] += rs.getLong("pending");
                    dates.add(rs.getString("first"));
                    dates.add(rs.getString("last"));
                    if (EstimateTotals.standing(standing)) {
                        tally.standingDeals(n);
                    } else {
                        notTotalled.put(standing, notTotalled.path(standing).asLong() + n);
                    }
                });
        // each standing deal's latest estimate in every currency and basis it has one in, grouped twice: by currency
        // and basis (the sums), and by currency (the deals with an estimate in it)
        jdbc.query("SELECT e ->> 'currency' AS currency, e ->> 'basis' AS basis, count(*) AS n,"
                + " count(DISTINCT deal_id) AS deals, sum(CAST(e ->> 'low' AS NUMERIC)) AS low,"
                + " sum(CAST(e ->> 'high' AS NUMERIC)) AS high" + states.replace(" WHERE ",
                        ", jsonb_array_elements(estimates) AS e WHERE ")
                + " AND standing NOT IN ('CANCELLED', 'SUPERSEDED')"
                + " GROUP BY GROUPING SETS ((e ->> 'currency', e ->> 'basis'), (e ->> 'currency'))", params, rs -> {
                    if (rs.getString("basis") == null) {
                        tally.dealsWithEstimateIn(rs.getString("currency"), rs.getLong("deals"));
                    } else {
                        tally.add(rs.getString("currency"), rs.getString("basis"), rs.getLong("n"),
                                rs.getBigDecimal("low"), rs.getBigDecimal("high"));
                    }
                });
        // the page's summaries read with the page itself: the states that hold the date asked about
        Map<String, String> pageSummaries = new LinkedHashMap<>();
        jdbc.query("SELECT deal_id, summary" + states + " ORDER BY reported_from, deal_id LIMIT :limit OFFSET :offset",
                params, rs -> {
                    pageSummaries.put(rs.getString(1), rs.getString(2));
                });
        List<JsonNode> page = documents.compactDealSummaries(pageSummaries, query.asOf());
        return new PairDeals(page, counts[0], counts[1], sortedStandings(byDirection), tally.toJson(),
                sortedKeys(notTotalled), dates);
    }

    /** As known at an instant: every deal of the pair folded from its logged events, then counted here. */
    private PairDeals foldedDeals(String a, String b, FetchRelationship query) {
        List<ObjectNode> all = deals.between(a, b, new FetchDeals("ALL", null, null, null, null, null, null, null,
                null, false, 0, 0, query.asOf(), query.knownAt()));
        ObjectNode byDirection = directions(a, b);
        List<String> dates = new ArrayList<>();
        long pending = 0;
        for (ObjectNode deal : all) {
            String supplier = deal.path("supplier").asText();
            String standing = DealView.standing(deal.path("status").asText(), deal.path("stage").asText());
            ObjectNode direction = (ObjectNode) byDirection.get(supplier + "->" + (supplier.equals(a) ? b : a));
            direction.put(standing, direction.path(standing).asLong() + 1);
            pending += DealReader.isPending(deal) ? 1 : 0;
            dates.add(deal.path("firstValidOn").asText(null));
            dates.add(deal.path("lastValidOn").asText(null));
        }
        int from = (int) Math.min(all.size(), (long) query.dealsPage() * query.dealsSize());
        List<ObjectNode> page = all.subList(from, Math.min(all.size(), from + query.dealsSize()));
        return new PairDeals(page, all.size(), pending, sortedStandings(byDirection), EstimateTotals.of(all),
                EstimateTotals.notTotalled(all), dates);
    }

    /** The counts by status in name order, as {@link EstimateTotals#notTotalled} answers them. */
    private static ObjectNode sortedKeys(ObjectNode counts) {
        ObjectNode sorted = DyadJson.mapper().createObjectNode();
        List<String> names = new ArrayList<>();
        counts.fieldNames().forEachRemaining(names::add);
        names.stream().sorted().forEach(name -> sorted.set(name, counts.get(name)));
        return sorted;
    }

    private static ObjectNode directions(String a, String b) {
        ObjectNode directions = DyadJson.mapper().createObjectNode();
        directions.putObject(a + "->" + b);
        directions.putObject(b + "->" + a);
        return directions;
    }

    /** Each direction's counts in the order of {@link #STANDINGS}: {"RUS->IRN": {"REPORTED": 2}}. */
    private static ObjectNode sortedStandings(ObjectNode byDirection) {
        ObjectNode sorted = DyadJson.mapper().createObjectNode();
        byDirection.fields().forEachRemaining(direction -> {
            ObjectNode counts = sorted.putObject(direction.getKey());
            STANDINGS.stream().filter(direction.getValue()::has)
                    .forEach(standing -> counts.put(standing, direction.getValue().path(standing).asLong()));
        });
        return sorted;
    }

    /**
     * The actor's partners and what is on record with each. The present comes from the relationship rows; another
     * time counts the records with facts valid by then and recorded by then.
     */
    public ObjectNode partners(FetchPartners query) {
        MapSqlParameterSource params = new MapSqlParameterSource("party", query.party())
                .addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        String rows;
        if (ViewDocuments.present(query.asOf(), query.knownAt())) {
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
        return ViewDocuments.page(partners, query.page(), query.size(), total == null ? 0 : total);
    }
}
