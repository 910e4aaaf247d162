package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.deal.TrancheItem;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/**
 * Dependence, backlog and the overview's TIV by year of delivery over the readers' world: India's Su-30 deal with
 * Russia (1 unit, 1,000 TIV) was reported in 2000 and completed in 2004 without a delivery recorded, so its TIV
 * counts in 2004; the C-130J and Kilo deals have no TIV.
 */
class DependenceReaderTest {

    private Readers readers;

    @BeforeEach
    void world() {
        readers = ReaderWorld.build(ViewsDatabase.get());
    }

    @Test
    void aCompletedDealCountsInItsYearOfCompletionForItsRecipient() {
        JsonNode india = EventFeed.asSent(readers.dependence.fetch(new FetchDependence("IND", true, null, null, 5,
                null, null)));
        assertThat(india.path("from").asInt()).isEqualTo(2000);
        assertThat(india.path("to").asInt()).isEqualTo(2012);
        JsonNode first = india.path("windows").get(0);
        assertThat(first.path("partners").get(0).path("partner").asText()).isEqualTo("RUS");
        assertThat(first.path("partners").get(0).path("tiv").decimalValue()).isEqualByComparingTo("1000");
        assertThat(first.path("hhi").asInt()).isEqualTo(10_000);
        assertThat(india.path("windows").get(1).path("deals").asInt()).as("the C-130J ordered in 2008").isEqualTo(1);
        assertThat(india.path("actorNames").path("IND").asText()).isEqualTo("India");

        JsonNode before = EventFeed.asSent(readers.dependence.fetch(new FetchDependence("IND", true, 2000, 2004, 5,
                LocalDate.parse("2004-01-01"), null)));
        assertThat(before.path("windows").get(0).path("tiv").decimalValue()).as("not yet delivered")
                .isEqualByComparingTo("0");

        JsonNode russia = EventFeed.asSent(readers.dependence.fetch(new FetchDependence("RUS", false, 2000, 2004, 5,
                null, null)));
        assertThat(russia.path("windows").get(0).path("partners").get(0).path("partner").asText()).isEqualTo("IND");
    }

    @Test
    void theOverviewCountsTivInTheYearOfDeliveryAndKeepsTheOrderInTheYearReported() {
        JsonNode overview = EventFeed.asSent(readers.overview.fetch(new FetchOverview(null, null, 10)));
        assertThat(year(overview, 2004).path("tiv").decimalValue()).isEqualByComparingTo("1000");
        assertThat(year(overview, 2000).path("tiv").decimalValue()).isEqualByComparingTo("0");
        assertThat(year(overview, 2000).path("tivOrdered").decimalValue()).isEqualByComparingTo("1000");
        JsonNode folded = EventFeed.asSent(readers.overview.fetch(new FetchOverview(LocalDate.parse("2010-01-01"),
                null, 10)));
        assertThat(year(folded, 2004).path("tiv").decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void theBacklogHoldsOnlyOrderedPendingDeals() {
        JsonNode russia = EventFeed.asSent(readers.backlog.fetch(new FetchBacklog("RUS", null, null, null)));
        assertThat(russia.path("deals")).as("the Su-30 is delivered, the S-300 cancelled, the Kilo only reported")
                .isEmpty();
        JsonNode in2009 = EventFeed.asSent(readers.backlog.fetch(new FetchBacklog("RUS", "IRN",
                LocalDate.parse("2009-01-01"), null)));
        assertThat(in2009.path("deals")).hasSize(1);
        assertThat(in2009.path("deals").get(0).path("unitsOutstanding").asInt()).isEqualTo(1);
        assertThat(in2009.path("totals").path("unknownYear").path("units").asInt()).isEqualTo(1);
    }

    @Test
    void sovietDeliveriesCountForTheSovietUnionUntil1991AndForRussiaFrom1992() {
        // test facts: a MiG-29 order of 1988 (10 units, 100 TIV), 4 delivered in 1990 and 6 in 1993
        ViewsDatabase database = ViewsDatabase.get();
        database.clear();
        new EventFeed(database).publish(
                new SaleReported("mig29", "SUN", "IND", List.of(DealItem.of("MiG-29", "fighter", 10)),
                        DealStage.CONTRACTED, date("1988"), null, List.of(new Estimate(BigDecimal.valueOf(100), null,
                        null, "TIV", EstimateQualifier.EXACT, null, null, null)), at("1989-01-01T00:00:00Z")),
                new DeliveryRecorded("mig29", Tranche.on(date("1990"), List.of(new TrancheItem("MiG-29", 4, false))),
                        at("1990-06-01T00:00:00Z")),
                new DeliveryRecorded("mig29", Tranche.on(date("1993"), List.of(new TrancheItem("MiG-29", 6, false))),
                        at("1993-06-01T00:00:00Z")));

        JsonNode india = EventFeed.asSent(readers.dependence.fetch(new FetchDependence("IND", true, 1990, 1994, 5,
                null, null)));
        JsonNode window = india.path("windows").get(0);
        assertThat(window.path("partners").get(0).path("partner").asText()).isEqualTo("RUS");
        assertThat(window.path("partners").get(0).path("tiv").decimalValue()).isEqualByComparingTo("60");
        assertThat(window.path("partners").get(0).path("inherited").asBoolean()).isTrue();
        assertThat(window.path("partners").get(1).path("partner").asText()).isEqualTo("SUN");
        assertThat(window.path("partners").get(1).path("tiv").decimalValue()).isEqualByComparingTo("40");
        assertThat(window.path("hhi").asInt()).as("60% and 40%").isEqualTo(5200);

        JsonNode russia = EventFeed.asSent(readers.dependence.fetch(new FetchDependence("RUS", false, 1990, 1994, 5,
                null, null)));
        JsonNode carriedOn = russia.path("windows").get(0).path("partners");
        assertThat(carriedOn).hasSize(1);
        assertThat(carriedOn.get(0).path("partner").asText()).isEqualTo("IND");
        assertThat(carriedOn.get(0).path("tiv").decimalValue()).as("only what Russia delivered")
                .isEqualByComparingTo("60");
    }

    private static JsonNode year(JsonNode overview, int year) {
        for (JsonNode row : overview.path("byYear")) {
            if (row.path("year").asInt() == year) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
