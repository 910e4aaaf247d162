package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.actors.ActorRegistry;
import org.dyad.actors.Succession;
import org.dyad.contracts.wire.DyadJson;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a successor took over from its predecessors, as a relationship shows it: agreements one of the pair holds by
 * succession, and the predecessors' deals the successor carried on, each marked with {@code via}.
 */
final class InheritedRecords {

    /** A predecessor's deals with another actor that were open on the succession date, as known now. */
    private static final String OPEN_ON_SUCCESSION = """
            SELECT deal_id FROM views.deal_state
            WHERE ((supplier = :p AND recipient = :o) OR (supplier = :o AND recipient = :p)) AND pending
              AND (valid_from IS NULL OR valid_from <= :on) AND (valid_until IS NULL OR valid_until > :on)
            ORDER BY reported_from, deal_id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ViewDocuments documents;

    InheritedRecords(NamedParameterJdbcTemplate jdbc, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    /**
     * The agreements in which both actors take part on the date asked about (a successor is not a party before its
     * succession), each marked with {@code via} where one of the pair holds its place by succession.
     */
    static List<ObjectNode> agreementsOfBoth(List<ObjectNode> agreed, String a, String b) {
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode agreement : agreed) {
            Map<String, JsonNode> parties = new HashMap<>();
            agreement.path("parties").forEach(p -> parties.put(p.path("party").asText(), p));
            List<String> concerned = new ArrayList<>();
            agreement.path("concerning").forEach(c -> concerned.add(c.asText()));
            boolean bothTakePart = Stream.of(a, b).allMatch(x -> parties.containsKey(x) || concerned.contains(x));
            if (!bothTakePart) {
                continue;
            }
            Stream.of(a, b).map(parties::get).filter(p -> p != null && "SUCCESSION".equals(p.path("by").asText()))
                    .findFirst().ifPresent(p -> agreement.set("via", via(p.path("from").asText(),
                            p.path("succession").asText(), p.path("since").asText())));
            kept.add(agreement);
        }
        return kept;
    }

    private static ObjectNode via(String predecessor, String succession, String on) {
        ObjectNode via = DyadJson.mapper().createObjectNode();
        via.put("predecessor", predecessor);
        via.put("succession", succession);
        via.put("on", on);
        return via;
    }

    /**
     * The deals of a predecessor of one of the pair with the other that were still open when the successor carried
     * them on (a continuation, unification or absorption: Russia's relationship with India lists the Soviet deals
     * with India still being delivered on 1991-12-26), from the succession date on, each with its {@code via}. They
     * are listed apart from the pair's own deals and are not in the pair's counts and totals.
     */
    List<ObjectNode> deals(String a, String b, LocalDate asOf, Instant knownAt) {
        List<ObjectNode> inherited = new ArrayList<>();
        for (String successor : List.of(a, b)) {
            String other = successor.equals(a) ? b : a;
            for (Succession succession : predecessorsOf(successor)) {
                if (asOf != null && asOf.isBefore(succession.on())) {
                    continue;
                }
                List<String> ids = jdbc.queryForList(OPEN_ON_SUCCESSION, new MapSqlParameterSource("p",
                        succession.predecessor()).addValue("o", other).addValue("on", Date.valueOf(succession.on())),
                        String.class);
                for (ObjectNode deal : documents.dealSummaries(ids, asOf, knownAt)) {
                    deal.set("via", via(succession.predecessor(), succession.kind().name(),
                            succession.on().toString()));
                    inherited.add(deal);
                }
            }
        }
        return inherited;
    }

    /** The successions by which the actor carries on its predecessors' deals, through a chain of them. */
    static List<Succession> predecessorsOf(String successor) {
        List<Succession> chain = new ArrayList<>();
        for (Succession succession : ActorRegistry.standard().successionsTo(successor)) {
            if (succession.kind().carriesOnDeals()) {
                chain.add(succession);
                chain.addAll(predecessorsOf(succession.predecessor()));
            }
        }
        return chain;
    }
}
