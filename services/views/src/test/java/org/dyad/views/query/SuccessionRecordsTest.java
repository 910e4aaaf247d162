package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.deal.TrancheItem;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/**
 * Deals across a state succession, in deals and relationships. The deals are invented for the rules, built like
 * register rows: {@code mig29} ordered from the Soviet Union in 1988 and delivered in 1992-1994; {@code t72} ordered
 * from the Soviet Union in 1980 and delivered by 1985; {@code kilo} ordered in 1989 with Russia named as supplier,
 * delivered 1993.
 */
class SuccessionRecordsTest {

    private Readers readers;

    @BeforeEach
    void world() {
        ViewsDatabase database = ViewsDatabase.get();
        database.clear();
        EventFeed feed = new EventFeed(database);
        feed.publish(sale("mig29", "SUN", "1988"),
                new DeliveryRecorded("mig29", new Tranche(date("1992"), List.of(date("1992"), date("1993"),
                        date("1994")), List.of(new TrancheItem("mig29", 1, false))), at("2020-01-01T00:00:00Z")),
                new DeliveryCompleted("mig29", date("1994"), at("2020-01-01T00:00:00Z")));
        feed.publish(sale("t72", "SUN", "1980"),
                new DeliveryCompleted("t72", date("1985"), at("2020-01-01T00:00:00Z")));
        feed.publish(sale("kilo", "RUS", "1989"),
                new DeliveryCompleted("kilo", date("1993"), at("2020-01-01T00:00:00Z")));
        readers = new Readers(database);
    }

    private static SaleReported sale(String id, String supplier, String orderedOn) {
        return new SaleReported(id, supplier, "IND", List.of(DealItem.of(id, null, 1)), DealStage.CONTRACTED,
                date(orderedOn), null, List.of(), at("2020-01-01T00:00:00Z"));
    }

    private JsonNode pair(String a, String b, String asOf) {
        return EventFeed.asSent(readers.relationships.fetch(new FetchRelationship(a, b,
                asOf == null ? null : LocalDate.parse(asOf), null, 0, 50)));
    }

    private static List<String> ids(JsonNode deals) {
        List<String> ids = new ArrayList<>();
        deals.forEach(d -> ids.add(d.path("dealId").asText()));
        return ids;
    }

    @Test
    void aDealShowsTheSupplierOnEachSideOfTheSuccession() {
        JsonNode kilo = EventFeed.asSent(readers.deals.fetch(new FetchDeal("kilo", null, null)).orElseThrow());
        assertThat(kilo.path("supplier").asText()).isEqualTo("RUS");
        JsonNode succession = kilo.path("succession").get(0);
        assertThat(succession.path("role").asText()).isEqualTo("supplier");
        assertThat(succession.path("predecessor").asText()).isEqualTo("SUN");
        assertThat(succession.path("successor").asText()).isEqualTo("RUS");
        assertThat(succession.path("kind").asText()).isEqualTo("CONTINUATION");
        assertThat(succession.path("on").asText()).isEqualTo("1991-12-26");

        JsonNode mig29 = EventFeed.asSent(readers.deals.fetch(new FetchDeal("mig29", null, null)).orElseThrow());
        assertThat(mig29.path("succession").get(0).path("successor").asText()).isEqualTo("RUS");
        JsonNode t72 = EventFeed.asSent(readers.deals.fetch(new FetchDeal("t72", null, null)).orElseThrow());
        assertThat(t72.path("succession")).as("over before the Soviet Union ended").isEmpty();
    }

    @Test
    void theSuccessorsRelationshipListsThePredecessorsDealsStillOpenAtTheSuccession() {
        JsonNode now = pair("RUS", "IND", null);
        assertThat(ids(now.path("deals"))).containsExactly("kilo");
        assertThat(ids(now.path("dealsBySuccession"))).containsExactly("mig29");
        JsonNode via = now.path("dealsBySuccession").get(0).path("via");
        assertThat(via.path("predecessor").asText()).isEqualTo("SUN");
        assertThat(via.path("succession").asText()).isEqualTo("CONTINUATION");
        assertThat(via.path("on").asText()).isEqualTo("1991-12-26");

        assertThat(ids(pair("IND", "RUS", "1993-01-01").path("dealsBySuccession"))).containsExactly("mig29");
        assertThat(pair("RUS", "IND", "1991-12-25").path("dealsBySuccession")).as("before the succession").isEmpty();
        assertThat(pair("UKR", "IND", null).path("dealsBySuccession")).as("Ukraine separated; it carries on no"
                + " Soviet deal").isEmpty();
        assertThat(ids(pair("SUN", "IND", null).path("deals"))).containsExactlyInAnyOrder("mig29", "t72");
    }
}
