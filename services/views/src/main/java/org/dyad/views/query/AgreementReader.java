package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.dyad.views.query.ViewDocuments.Kind.AGREEMENT;

/** Agreements: one with each party's status and its history, or a filtered page. */
@Component
public class AgreementReader {

    private final NamedParameterJdbcTemplate jdbc;
    private final ViewDocuments documents;

    AgreementReader(NamedParameterJdbcTemplate jdbc, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    /** One agreement, with the deals that name it as the framework they implement ({@code implementingDeals}). */
    public Optional<ObjectNode> fetch(FetchAgreement query) {
        Optional<ObjectNode> agreement = documents.of(AGREEMENT, List.of(query.agreementId()), query.asOf(),
                query.knownAt()).stream().findFirst();
        agreement.ifPresent(a -> a.putPOJO("implementingDeals", implementingDeals(query)));
        return agreement;
    }

    /**
     * The deals whose link names this agreement at the times asked about: every deal that ever recorded such a
     * link is folded for those times, so a retracted link, or one recorded later, does not count.
     */
    private List<String> implementingDeals(FetchAgreement query) {
        List<String> linked = jdbc.queryForList("""
                SELECT DISTINCT aggregate_id FROM views.event_log
                WHERE type = 'FrameworkAgreementLinked' AND payload ->> 'agreementId' = :id
                ORDER BY aggregate_id""", Map.of("id", query.agreementId()), String.class);
        return documents.dealSummaries(linked, query.asOf(), query.knownAt()).stream()
                .filter(d -> query.agreementId().equals(d.path("frameworkAgreementId").asText(null)))
                .map(d -> d.path("dealId").asText()).toList();
    }

    /** Agreements that involve both actors, at least one of them as a party, earliest signature first. */
    public List<ObjectNode> between(String a, String b, LocalDate asOf, Instant knownAt) {
        List<String> ids = jdbc.queryForList("""
                SELECT x.agreement_id FROM views.agreement_actor x
                JOIN views.agreement_actor y ON y.agreement_id = x.agreement_id
                JOIN views.agreement g ON g.agreement_id = x.agreement_id
                WHERE x.actor = :a AND y.actor = :b AND (x.role = 'PARTY' OR y.role = 'PARTY')
                ORDER BY g.signed_from, g.agreement_id""", Map.of("a", a, "b", b), String.class);
        return documents.of(AGREEMENT, ids, asOf, knownAt);
    }

    public ObjectNode fetch(FetchAgreements query) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.party() != null) {
            where.append(" AND agreement_id IN (SELECT agreement_id FROM views.agreement_actor WHERE actor = :party"
                    + " AND role = 'PARTY')");
            params.addValue("party", query.party());
        }
        if (query.kind() != null) {
            where.append(" AND kind = :kind");
            params.addValue("kind", query.kind());
        }
        if (query.subject() != null) {
            where.append(" AND subjects @> ARRAY[CAST(:subject AS text)]");
            params.addValue("subject", query.subject());
        }
        List<String> ids = jdbc.queryForList("SELECT agreement_id FROM views.agreement" + where
                + " ORDER BY signed_from, agreement_id", params, String.class);
        List<ObjectNode> agreements = documents.of(AGREEMENT, ids, query.asOf(), query.knownAt()).stream()
                .filter(a -> query.party() == null || partyStatus(a, query.party()) != null)
                .filter(a -> query.status() == null || query.status().equals(a.path("status").asText()))
                .filter(a -> query.partyStatus() == null || query.partyStatus().equals(partyStatus(a, query.party())))
                .toList();
        int from = Math.min(agreements.size(), query.page() * query.size());
        return ViewDocuments.page(agreements.subList(from, Math.min(agreements.size(), from + query.size())),
                query.page(), query.size(), agreements.size());
    }

    static String partyStatus(JsonNode agreement, String party) {
        for (JsonNode p : agreement.path("parties")) {
            if (p.path("party").asText().equals(party)) {
                return p.path("status").asText();
            }
        }
        return null;
    }
}
