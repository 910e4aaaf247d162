package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.actors.ActorRegistry;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.views.model.EstimateTotals;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.dyad.views.query.ViewDocuments.Kind.AGREEMENT;

/**
 * An actor's profile: deals as supplier and as recipient, top partners, open deals, agreements in force, and for a
 * company or state agency the deals it signed ({@code signedDeals}).
 */
@Component
public class ActorProfileReader {

    private static final int TOP = 10;

    private final NamedParameterJdbcTemplate jdbc;
    private final ViewDocuments documents;
    private final RelationshipReader relationships;

    ActorProfileReader(NamedParameterJdbcTemplate jdbc, ViewDocuments documents, RelationshipReader relationships) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.relationships = relationships;
    }

    public ObjectNode fetch(FetchActorProfile query) {
        String code = query.actor();
        List<String> dealIds = jdbc.queryForList("SELECT deal_id FROM views.deal WHERE supplier = :code OR recipient"
                + " = :code ORDER BY reported_from DESC, deal_id", Map.of("code", code), String.class);
        List<ObjectNode> deals = documents.dealSummaries(dealIds, query.asOf(), query.knownAt());
        // Only companies and state agencies sign deals: a state's profile does not look for any.
        boolean signs = ActorRegistry.standard().byCode(code).map(a -> a.kind().actsForState()).orElse(false);
        List<String> signedIds = !signs ? List.of() : jdbc.queryForList("SELECT DISTINCT aggregate_id FROM"
                + " views.event_log WHERE type IN ('SaleReported', 'ContractConcluded', 'RecordCorrected')"
                + " AND aggregate_type = 'deal' AND (payload ->> 'signedBy' = :code"
                + " OR payload -> 'changes' ->> 'signedBy' = :code) ORDER BY aggregate_id",
                Map.of("code", code), String.class);
        List<ObjectNode> signed = documents.dealSummaries(signedIds, query.asOf(), query.knownAt()).stream()
                .filter(d -> code.equals(d.path("signedBy").asText(null))).toList();
        List<String> agreementIds = jdbc.queryForList("SELECT a.agreement_id FROM views.agreement_actor a JOIN"
                + " views.agreement g ON g.agreement_id = a.agreement_id WHERE a.actor = :code AND a.role = 'PARTY'"
                + " ORDER BY g.signed_from, a.agreement_id", Map.of("code", code), String.class);
        List<ObjectNode> agreements = documents.of(AGREEMENT, agreementIds, query.asOf(), query.knownAt());

        ObjectNode profile = DyadJson.mapper().createObjectNode();
        profile.putPOJO("actor", ActorRegistry.standard().byCode(code).orElse(null));
        profile.put("asOf", query.asOf() == null ? null : query.asOf().toString());
        profile.put("knownAt", query.knownAt() == null ? null : query.knownAt().toString());
        profile.set("asSupplier", side(deals, d -> code.equals(d.path("supplier").asText()), "recipient"));
        profile.set("asRecipient", side(deals, d -> code.equals(d.path("recipient").asText()), "supplier"));
        profile.set("topPartners", relationships.partners(new FetchPartners(code, 0, TOP, query.asOf(),
                query.knownAt())).path("items"));
        profile.set("signedDeals", ViewDocuments.array(signed.stream().map(ActorProfileReader::summary).toList()));
        profile.set("openDeals", ViewDocuments.array(deals.stream().filter(DealReader::isPending)
                .map(ActorProfileReader::summary).toList()));
        profile.set("agreementsInForce", ViewDocuments.array(agreements.stream()
                .filter(a -> "IN_FORCE".equals(AgreementReader.partyStatus(a, code)))
                .map(a -> {
                    ObjectNode s = DyadJson.mapper().createObjectNode();
                    s.put("agreementId", a.path("agreementId").asText());
                    s.put("title", a.path("title").asText());
                    s.put("kind", a.path("kind").asText());
                    s.put("signedOn", a.path("signedOn").asText());
                    s.set("parties", a.path("parties"));
                    return s;
                }).toList()));
        return profile;
    }

    private static ObjectNode summary(JsonNode deal) {
        ObjectNode s = DyadJson.mapper().createObjectNode();
        for (String field : List.of("dealId", "supplier", "recipient", "stage", "status", "reportedOn")) {
            s.set(field, deal.path(field));
        }
        if (deal.hasNonNull("signedBy")) {
            s.set("signedBy", deal.path("signedBy"));
        }
        s.set("items", deal.path("items"));
        s.set("latestEstimates", deal.path("latestEstimates"));
        return s;
    }

    /** Counts by stage, estimate totals and top partners of the deals on one side. */
    private static ObjectNode side(List<ObjectNode> deals, Predicate<JsonNode> onThisSide, String partnerField) {
        List<ObjectNode> mine = deals.stream().filter(onThisSide).toList();
        ObjectNode side = DyadJson.mapper().createObjectNode();
        side.put("deals", mine.size());
        Map<String, Integer> byStage = new TreeMap<>();
        Map<String, Integer> byPartner = new TreeMap<>();
        for (JsonNode deal : mine) {
            byStage.merge(deal.path("stage").asText(), 1, Integer::sum);
            byPartner.merge(deal.path(partnerField).asText(), 1, Integer::sum);
        }
        side.putPOJO("byStage", byStage);
        side.set("estimateTotals", EstimateTotals.of(mine));
        side.set("dealsNotTotalled", EstimateTotals.notTotalled(mine));
        side.set("topPartners", ViewDocuments.array(byPartner.entrySet().stream()
                .sorted((x, y) -> y.getValue() - x.getValue()).limit(TOP)
                .map(e -> {
                    ObjectNode p = DyadJson.mapper().createObjectNode();
                    p.put("partner", e.getKey());
                    p.put("deals", e.getValue());
                    return p;
                }).toList()));
        return side;
    }
}
