package org.dyad.views.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.DeliveryExpected;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.views.query.FetchDeal;
import org.dyad.views.query.FetchDeals;
import org.dyad.views.query.Readers;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/**
 * A deal's expected deliveries in its answer and in the pending deals, now, as of dates and as known at instants.
 * India contracted five S-400 regiments from Russia on 2018-10-05; the expectations below are test facts.
 */
class ExpectedDeliveriesProjectionTest {

    private static final String DEAL = "rus-ind-s400";

    private final ViewsDatabase database = ViewsDatabase.get();
    private EventFeed feed;
    private Readers readers;

    @BeforeEach
    void emptyViews() {
        database.clear();
        feed = new EventFeed(database);
        readers = new Readers(database);
        feed.publish(new SaleReported(DEAL, "RUS", "IND", List.of(DealItem.of("S-400", "SAM system", 5)),
                DealStage.CONTRACTED, date("2018-10-05"), null, List.of(), at("2018-10-06T00:00:00Z")));
        feed.publish(new DeliveryExpected(DEAL, date("2021-06"), date("2021-10"), date("2022"), "S-400", 1,
                "first regiment by the end of 2021", at("2021-06-15T00:00:00Z")));
        feed.publish(new DeliveryExpected(DEAL, date("2023-03"), null, date("2025-03"), "S-400", 2,
                "the remaining units are due within two years", at("2023-03-20T00:00:00Z")));
    }

    private JsonNode deal(LocalDate asOf, Instant knownAt) {
        return readers.deals.fetch(new FetchDeal(DEAL, asOf, knownAt)).map(EventFeed::asSent).orElseThrow();
    }

    private static List<String> dueBy(JsonNode deal) {
        return deal.path("expectedDeliveries").findValuesAsText("dueBy");
    }

    @Test
    void theDealAnswerShowsItsScheduleAtEachDate() {
        JsonNode now = deal(null, null);
        assertThat(dueBy(now)).containsExactly("2022", "2025-03");
        assertThat(now.path("expectedDeliveries").get(1).path("quantity").asInt()).isEqualTo(2);
        assertThat(now.path("expectedDeliveries").get(1).path("provenance").path("source").path("publisher")
                .asText()).isEqualTo("SIPRI");
        assertThat(dueBy(deal(LocalDate.parse("2022-01-01"), null))).as("before the second was stated")
                .containsExactly("2022");
        assertThat(dueBy(deal(LocalDate.parse("2020-01-01"), null))).isEmpty();
        assertThat(dueBy(deal(null, Instant.parse("2022-01-01T00:00:00Z")))).as("known then").containsExactly("2022");
    }

    @Test
    void thePendingDealsCarryTheirSchedule() {
        JsonNode pending = EventFeed.asSent(readers.deals.fetch(new FetchDeals("PENDING", "RUS", null, null, null,
                null, null, null, "reportedOn", false, 0, 50, null, null)));
        assertThat(pending.path("items")).singleElement().satisfies(d ->
                assertThat(dueBy(d)).containsExactly("2022", "2025-03"));
        JsonNode pendingIn2022 = EventFeed.asSent(readers.deals.fetch(new FetchDeals("PENDING", "RUS", null, null,
                null, null, null, null, "reportedOn", false, 0, 50, LocalDate.parse("2022-01-01"), null)));
        assertThat(pendingIn2022.path("items")).singleElement().satisfies(d ->
                assertThat(dueBy(d)).containsExactly("2022"));

        feed.publish(new DeliveryCompleted(DEAL, date("2025-02"), at("2025-03-01T00:00:00Z")));
        JsonNode none = EventFeed.asSent(readers.deals.fetch(new FetchDeals("PENDING", "RUS", null, null, null,
                null, null, null, "reportedOn", false, 0, 50, null, null)));
        assertThat(none.path("items")).as("delivered: nothing pending").isEmpty();
    }
}
