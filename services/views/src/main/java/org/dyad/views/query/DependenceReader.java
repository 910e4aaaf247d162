package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.actors.ActorRegistry;
import org.dyad.actors.Succession;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.views.model.DeliveredValue;
import org.dyad.views.model.Dependence;
import org.dyad.views.model.EstimateTotals;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * An actor's dependence on its partners ({@link Dependence}), from its deals as they stood on the date asked about
 * and as known at the instant asked about, their deliveries valued by year of delivery ({@link DeliveredValue}).
 * <p>
 * Successions follow the relationship's rules: a predecessor's deals that the actor carried on (a continuation,
 * unification or absorption; deals open on the succession date) add their deliveries from the first whole year after
 * the succession, marked {@code inherited}. Each delivery and order counts for the states that held the deal's roles
 * in its year, as the deal's {@code succession} says: Soviet deliveries to India until 1991 count as the Soviet
 * Union's, from 1992 as Russia's, whichever of the two the deal names.
 */
@Component
public class DependenceReader {

    private static final ActorRegistry ACTORS = ActorRegistry.standard();

    /** A predecessor's deals on the actor's side that were open on the succession date, as known now. */
    private static final String OPEN_ON_SUCCESSION = """
            SELECT deal_id FROM views.deal_state WHERE %s = :p AND pending
              AND (valid_from IS NULL OR valid_from <= :on) AND (valid_until IS NULL OR valid_until > :on)
            ORDER BY reported_from, deal_id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ViewDocuments documents;

    DependenceReader(NamedParameterJdbcTemplate jdbc, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    public ObjectNode fetch(FetchDependence query) {
        String side = query.recipient() ? "recipient" : "supplier";
        String partnerSide = query.recipient() ? "supplier" : "recipient";
        List<Dependence.Delivered> delivered = new ArrayList<>();
        List<Dependence.Ordered> ordered = new ArrayList<>();
        List<String> ids = dealIds(jdbc, side, query.actor(), query.knownAt());
        for (ObjectNode deal : documents.dealSummaries(ids, query.asOf(), query.knownAt())) {
            int year = orderYear(deal);
            if (query.actor().equals(holder(deal, side, year))) {
                ordered.add(new Dependence.Ordered(holder(deal, partnerSide, year), year));
            }
            addDeliveries(deal, side, partnerSide, query.actor(), delivered);
        }
        for (Succession succession : InheritedRecords.predecessorsOf(query.actor())) {
            if (query.asOf() != null && query.asOf().isBefore(succession.on())) {
                continue;
            }
            List<String> inherited = jdbc.queryForList(OPEN_ON_SUCCESSION.formatted(side),
                    new MapSqlParameterSource("p", succession.predecessor())
                            .addValue("on", Date.valueOf(succession.on())), String.class);
            for (ObjectNode deal : documents.dealSummaries(inherited, query.asOf(), query.knownAt())) {
                addDeliveries(deal, side, partnerSide, query.actor(), delivered);
            }
        }

        TreeSet<Integer> years = new TreeSet<>();
        delivered.forEach(d -> years.add(d.year()));
        ordered.forEach(o -> years.add(o.year()));
        Integer to = query.to() != null ? query.to() : years.isEmpty() ? null
                : query.asOf() == null ? years.last() : Math.min(years.last(), query.asOf().getYear());
        Integer from = query.from() != null ? query.from() : years.isEmpty() ? to : years.first();
        ObjectNode answer = DyadJson.mapper().createObjectNode();
        answer.put("actor", query.actor());
        answer.put("side", side);
        answer.put("asOf", query.asOf() == null ? null : query.asOf().toString());
        answer.put("knownAt", query.knownAt() == null ? null : query.knownAt().toString());
        answer.put("period", query.period());
        answer.put("from", from);
        answer.put("to", to);
        if (from == null || to == null || from > to) {
            answer.putArray("windows");
            Dependence.putTrend(answer, null, null, null, null);
        } else {
            answer.setAll(Dependence.windows(delivered, ordered, from, to, query.period()));
        }
        answer.put("method", "TIV by year of delivery: units delivered in a year times the TIV per unit (the "
                + "register's, else the order's TIV over the units ordered); a total delivered over several years "
                + "is spread evenly over them (spreadTiv); HHI = sum of squared TIV shares in percent (0-10,000)");
        TreeSet<String> named = new TreeSet<>(List.of(query.actor()));
        answer.path("windows").forEach(w -> w.path("partners").forEach(p -> named.add(p.path("partner").asText())));
        answer.set("actorNames", actorNames(named));
        return answer;
    }

    /**
     * The deal's deliveries in the years the actor held its role, each counted for the partner that held the other
     * role that year, marked with the state named on the deal where a succession put another in its place.
     */
    private static void addDeliveries(JsonNode deal, String side, String partnerSide, String actor,
                                      List<Dependence.Delivered> delivered) {
        for (DeliveredValue.YearShare share : value(deal).years()) {
            if (!actor.equals(holder(deal, side, share.year()))) {
                continue;
            }
            String partner = holder(deal, partnerSide, share.year());
            String named = deal.path(partnerSide).asText();
            String actorNamed = deal.path(side).asText();
            String via = !partner.equals(named) ? named : !actor.equals(actorNamed) ? actorNamed : null;
            delivered.add(new Dependence.Delivered(partner, share.year(), share.units(), share.tiv(),
                    share.basis() == DeliveredValue.Basis.SPREAD, via));
        }
    }

    /**
     * Who held a role of the deal in a year, by the deal's successions ({@code succession}): the predecessor before
     * the first whole year after a succession, the successor from then on; the state named on the deal otherwise.
     */
    static String holder(JsonNode deal, String role, int year) {
        List<JsonNode> changes = new ArrayList<>();
        deal.path("succession").forEach(s -> {
            if (role.equals(s.path("role").asText())) {
                changes.add(s);
            }
        });
        if (changes.isEmpty()) {
            return deal.path(role).asText();
        }
        changes.sort(java.util.Comparator.comparing(s -> s.path("on").asText()));
        String holder = changes.get(0).path("predecessor").asText();
        for (JsonNode change : changes) {
            if (year >= firstYearOf(LocalDate.parse(change.path("on").asText()))) {
                holder = change.path("successor").asText();
            }
        }
        return holder;
    }

    /** The first whole year after a succession: its own year when it took effect on 1 January. */
    private static int firstYearOf(LocalDate on) {
        return on.getDayOfYear() == 1 ? on.getYear() : on.getYear() + 1;
    }

    static DeliveredValue.Deal value(JsonNode deal) {
        JsonNode tiv = EstimateTotals.latest(deal, EstimateTotals.TIV);
        return DeliveredValue.of(deal, tiv == null ? null : EstimateTotals.high(tiv));
    }

    /** The year a deal was ordered: its contract's, else its first report's. */
    static int orderYear(JsonNode deal) {
        JsonNode on = deal.path("contractedOn").isTextual() ? deal.path("contractedOn") : deal.path("reportedOn");
        return PartialDate.parse(on.asText()).year();
    }

    /** The deals with the actor on one side, recorded by {@code knownAt} when it is given. */
    static List<String> dealIds(NamedParameterJdbcTemplate jdbc, String side, String actor, Instant knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("actor", actor);
        String recorded = "";
        if (knownAt != null) {
            recorded = " AND deal_id IN (SELECT aggregate_id FROM views.event_log WHERE recorded_at <= :knownAt)";
            params.addValue("knownAt", Timestamp.from(knownAt));
        }
        return jdbc.queryForList("SELECT deal_id FROM views.deal WHERE " + side + " = :actor" + recorded
                + " ORDER BY reported_from, deal_id", params, String.class);
    }

    /** The display names of the codes: {@code {"CHN": "China"}}. */
    static ObjectNode actorNames(Collection<String> codes) {
        ObjectNode names = DyadJson.mapper().createObjectNode();
        new TreeSet<>(codes).forEach(code -> ACTORS.byCode(code).ifPresent(actor -> names.put(code, actor.name())));
        return names;
    }
}
