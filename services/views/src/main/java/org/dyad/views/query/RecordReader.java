package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.query.FetchAgreement;
import org.dyad.contracts.query.FetchDeal;
import org.dyad.contracts.query.FetchDeals;
import org.dyad.contracts.query.FetchRelationship;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.views.model.AgreementRecord;
import org.dyad.views.model.DealRecord;
import org.dyad.views.model.RecordFolder;
import org.dyad.views.model.RecordedFact;
import org.dyad.views.model.StatementRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Answers queries on records. The present state comes from the stored documents; an answer "as of" a date or
 * "as known at" an instant folds the records' logged events again, keeping only facts valid by that date and
 * recorded by that instant (so a later correction or report is invisible).
 */
@Component
public class RecordReader {

    private final NamedParameterJdbcTemplate jdbc;
    private final EventLog eventLog;

    RecordReader(NamedParameterJdbcTemplate jdbc, EventLog eventLog) {
        this.jdbc = jdbc;
        this.eventLog = eventLog;
    }

    public Optional<ObjectNode> deal(FetchDeal query) {
        List<ObjectNode> deals = deals(List.of(query.dealId()), query.asOf(), query.knownAt());
        return deals.stream().findFirst();
    }

    public Optional<ObjectNode> agreement(FetchAgreement query) {
        return agreements(List.of(query.agreementId()), query.asOf(), query.knownAt()).stream().findFirst();
    }

    public ObjectNode relationship(FetchRelationship query) {
        String a = query.partyA().compareTo(query.partyB()) <= 0 ? query.partyA() : query.partyB();
        String b = a.equals(query.partyA()) ? query.partyB() : query.partyA();
        Map<String, Object> pair = Map.of("a", a, "b", b);
        List<String> agreementIds = jdbc.queryForList("""
                SELECT x.agreement_id FROM views.agreement_actor x
                JOIN views.agreement_actor y ON y.agreement_id = x.agreement_id
                JOIN views.agreement g ON g.agreement_id = x.agreement_id
                WHERE x.actor = :a AND y.actor = :b AND (x.role = 'PARTY' OR y.role = 'PARTY')
                ORDER BY g.signed_from, g.agreement_id""", pair, String.class);
        List<String> dealIds = jdbc.queryForList("""
                SELECT deal_id FROM views.deal
                WHERE (supplier = :a AND recipient = :b) OR (supplier = :b AND recipient = :a)
                ORDER BY reported_from, deal_id""", pair, String.class);
        List<String> statementIds = jdbc.queryForList("""
                SELECT s.statement_id FROM views.statement_actor x
                JOIN views.statement_actor y ON y.statement_id = x.statement_id
                JOIN views.statement s ON s.statement_id = x.statement_id
                WHERE x.actor = :a AND y.actor = :b ORDER BY s.made_from, s.statement_id""", pair, String.class);

        List<ObjectNode> deals = deals(dealIds, query.asOf(), query.knownAt());
        ObjectNode answer = DyadJson.mapper().createObjectNode();
        answer.putPOJO("parties", List.of(a, b));
        answer.put("asOf", query.asOf() == null ? null : query.asOf().toString());
        answer.put("knownAt", query.knownAt() == null ? null : query.knownAt().toString());
        answer.set("agreements", array(agreements(agreementIds, query.asOf(), query.knownAt())));
        answer.set("deals", array(deals));
        answer.set("statements", array(statements(statementIds, query.asOf(), query.knownAt())));
        answer.set("estimateTotals", estimateTotals(deals));
        List<String> dates = new ArrayList<>();
        answer.path("agreements").forEach(n -> n.path("history").forEach(h -> dates.add(h.path("validOn").asText(null))));
        answer.path("deals").forEach(n -> n.path("history").forEach(h -> dates.add(h.path("validOn").asText(null))));
        answer.path("statements").forEach(n -> dates.add(n.path("madeOn").asText(null)));
        List<String> known = dates.stream().filter(Objects::nonNull).map(d -> d.replace("~", "")).sorted().toList();
        answer.put("firstEventOn", known.isEmpty() ? null : known.get(0));
        answer.put("lastEventOn", known.isEmpty() ? null : known.get(known.size() - 1));
        return answer;
    }

    public ObjectNode deals(FetchDeals query) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if ("PENDING".equals(query.status())) {
            where.append(" AND pending");
        } else if (!"ALL".equals(query.status())) {
            where.append(" AND (stage = :status OR status = :status)");
            params.addValue("status", query.status());
        }
        if (query.supplier() != null) {
            where.append(" AND supplier = :supplier");
            params.addValue("supplier", query.supplier());
        }
        if (query.recipient() != null) {
            where.append(" AND recipient = :recipient");
            params.addValue("recipient", query.recipient());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM views.deal" + where, params, Long.class);
        params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        List<ObjectNode> items = withSupersedes(jdbc.query("SELECT doc FROM views.deal" + where
                        + " ORDER BY reported_from DESC, deal_id LIMIT :limit OFFSET :offset", params,
                (rs, n) -> (ObjectNode) readTree(rs.getString(1))));
        ObjectNode page = DyadJson.mapper().createObjectNode();
        page.set("items", array(items));
        page.put("page", query.page());
        page.put("size", query.size());
        page.put("total", total == null ? 0 : total);
        return page;
    }

    private List<ObjectNode> deals(List<String> ids, LocalDate asOf, Instant knownAt) {
        return withSupersedes(records(ids, "deal", "deal_id", asOf, knownAt,
                (facts, version) -> DealRecord.fold(RecordFolder.history(facts, asOf), version)));
    }

    private List<ObjectNode> agreements(List<String> ids, LocalDate asOf, Instant knownAt) {
        LocalDate reference = asOf == null ? LocalDate.now() : asOf;
        return records(ids, "agreement", "agreement_id", asOf, knownAt,
                (facts, version) -> AgreementRecord.fold(RecordFolder.history(facts, asOf), version, reference));
    }

    private List<ObjectNode> statements(List<String> ids, LocalDate asOf, Instant knownAt) {
        return records(ids, "statement", "statement_id", asOf, knownAt,
                (facts, version) -> StatementRecord.fold(RecordFolder.history(facts, asOf), version));
    }

    /** Stored documents for the present; folded again from the event log for another date or knowledge time. */
    private List<ObjectNode> records(List<String> ids, String table, String idColumn, LocalDate asOf,
                                     Instant knownAt, BiFunction<List<RecordedFact>, Long, Object> fold) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (asOf == null && knownAt == null) {
            Map<String, ObjectNode> byId = new LinkedHashMap<>();
            jdbc.query("SELECT " + idColumn + ", doc FROM views." + table + " WHERE " + idColumn + " IN (:ids)",
                    Map.of("ids", ids), rs -> {
                        byId.put(rs.getString(1), (ObjectNode) readTree(rs.getString(2)));
                    });
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        }
        Map<String, List<RecordedFact>> facts = eventLog.factsOf(ids, knownAt);
        List<ObjectNode> records = new ArrayList<>();
        for (String id : ids) {
            List<RecordedFact> recordFacts = facts.getOrDefault(id, List.of());
            if (recordFacts.isEmpty()) {
                continue;
            }
            Object folded = fold.apply(recordFacts, recordFacts.get(recordFacts.size() - 1).sequence());
            if (folded != null) {
                records.add(DyadJson.mapper().valueToTree(folded));
            }
        }
        return records;
    }

    /** Links superseded deals both ways: each deal lists the deals it superseded. */
    private List<ObjectNode> withSupersedes(List<ObjectNode> deals) {
        if (deals.isEmpty()) {
            return deals;
        }
        Map<String, List<String>> superseded = new LinkedHashMap<>();
        jdbc.query("SELECT superseded_by, deal_id FROM views.deal WHERE superseded_by IN (:ids) ORDER BY deal_id",
                Map.of("ids", deals.stream().map(d -> d.path("dealId").asText()).toList()),
                rs -> {
                    superseded.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        deals.forEach(d -> d.putPOJO("supersedes", superseded.getOrDefault(d.path("dealId").asText(), List.of())));
        return deals;
    }

    /**
     * Sums, per currency and basis, the most recently recorded estimate of each deal. Ranges add their ends; a single
     * amount adds to both low and high. Currencies and bases are never mixed.
     */
    private static ArrayNode estimateTotals(Collection<ObjectNode> deals) {
        Map<String, ObjectNode> totals = new LinkedHashMap<>();
        for (ObjectNode deal : deals) {
            JsonNode latest = null;
            for (JsonNode claim : deal.path("latestEstimates")) {
                if (latest == null || claim.path("provenance").path("recordedAt").asText()
                        .compareTo(latest.path("provenance").path("recordedAt").asText()) > 0) {
                    latest = claim;
                }
            }
            if (latest == null) {
                continue;
            }
            JsonNode estimate = latest.path("estimate");
            BigDecimal low = estimate.has("amount") ? estimate.path("amount").decimalValue()
                    : estimate.path("low").decimalValue();
            BigDecimal high = estimate.has("amount") ? estimate.path("amount").decimalValue()
                    : estimate.path("high").decimalValue();
            String currency = estimate.path("currency").asText();
            String basis = estimate.path("basis").asText();
            ObjectNode total = totals.computeIfAbsent(currency + "|" + basis, k -> {
                ObjectNode t = DyadJson.mapper().createObjectNode();
                t.put("currency", currency);
                t.put("basis", basis);
                t.put("deals", 0);
                t.put("low", BigDecimal.ZERO);
                t.put("high", BigDecimal.ZERO);
                return t;
            });
            total.put("deals", total.path("deals").asInt() + 1);
            total.put("low", total.path("low").decimalValue().add(low));
            total.put("high", total.path("high").decimalValue().add(high));
        }
        ArrayNode array = DyadJson.mapper().createArrayNode();
        totals.values().forEach(array::add);
        return array;
    }

    private static ArrayNode array(List<ObjectNode> nodes) {
        ArrayNode array = DyadJson.mapper().createArrayNode();
        nodes.forEach(array::add);
        return array;
    }

    private static JsonNode readTree(String json) {
        try {
            return DyadJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable view document: " + e.getMessage(), e);
        }
    }
}
