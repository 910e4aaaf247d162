package org.dyad.views.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.views.query.FetchPartners;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.projection.DealProjectionTest.s300;
import static org.dyad.views.testing.EventFeed.at;

/** The pairs' counts follow their deals, through the partners reader, against PostgreSQL. */
class RelationshipCountsTest extends ViewsTest {

    /** RUS's partners with their deal counts. */
    private Map<String, Integer> dealsWithPartnersOf(String actor) {
        JsonNode page = EventFeed.asSent(readers.relationships.partners(new FetchPartners(actor, 0, 20, null, null)));
        Map<String, Integer> deals = new LinkedHashMap<>();
        page.path("items").forEach(p -> deals.put(p.path("partner").asText(), p.path("deals").asInt()));
        return deals;
    }

    @Test
    void aDealThatMovesToAnotherPairLeavesTheFirstAndCountsInTheSecond() {
        List<PublishedEvent> reported = feed.publish(s300("d1", "RUS", "IRN", "2008-01-01T00:00:00Z"),
                s300("d2", "RUS", "IRN", "2008-01-01T00:00:00Z"));
        assertThat(dealsWithPartnersOf("RUS")).containsExactly(Map.entry("IRN", 2));

        // the report named the wrong recipient: retracted and reported anew within the same deal
        feed.publish(new RecordRetracted("d1", reported.get(0).id(), "SaleReported", "wrong recipient",
                at("2008-02-01T00:00:00Z")), s300("d1", "RUS", "SYR", "2008-02-01T00:00:00Z"));

        assertThat(dealsWithPartnersOf("RUS")).containsOnly(Map.entry("IRN", 1), Map.entry("SYR", 1));
        assertThat(dealsWithPartnersOf("SYR")).containsExactly(Map.entry("RUS", 1));

        feed.publish(new RecordRetracted("d2", reported.get(1).id(), "SaleReported", "no such deal",
                at("2008-03-01T00:00:00Z")));
        assertThat(dealsWithPartnersOf("IRN")).as("a pair left with nothing is gone").isEmpty();
    }

    @Test
    void countsAreTheSameWhetherEventsArriveOneByOneOrInOneBatch() {
        feed.publish(s300("d1", "RUS", "IRN", "2008-01-01T00:00:00Z"));
        feed.publish(s300("d2", "RUS", "IRN", "2009-01-01T00:00:00Z"));
        feed.publish(s300("d3", "RUS", "IND", "2009-01-01T00:00:00Z"));
        Map<String, Integer> oneByOne = dealsWithPartnersOf("RUS");

        database.clear();
        feed = new EventFeed(database);
        feed.publish(s300("d1", "RUS", "IRN", "2008-01-01T00:00:00Z"), s300("d2", "RUS", "IRN",
                "2009-01-01T00:00:00Z"), s300("d3", "RUS", "IND", "2009-01-01T00:00:00Z"));

        assertThat(dealsWithPartnersOf("RUS")).isEqualTo(oneByOne).containsOnly(Map.entry("IRN", 2),
                Map.entry("IND", 1));
    }
}
