package org.dyad.views.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.deal.TrancheItem;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.EstimateRecorded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.views.query.FetchDeal;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/** A deal's events applied by the batch core, read back through the deal reader, against PostgreSQL. */
class DealProjectionTest extends ViewsTest {

    static Estimate usd(long amount) {
        return new Estimate(BigDecimal.valueOf(amount), null, null, "USD", EstimateQualifier.ABOUT, null, null, null);
    }

    static SaleReported s300(String dealId, String supplier, String recipient, String recordedAt) {
        return new SaleReported(dealId, supplier, recipient, List.of(DealItem.of("S-300PMU1", "SAM system", 4)),
                DealStage.REPORTED, date("2007-12"), null, List.of(usd(800_000_000L)), at(recordedAt));
    }

    private JsonNode deal(String dealId, LocalDate asOf, Instant knownAt) {
        return readers.deals.fetch(new FetchDeal(dealId, asOf, knownAt)).map(EventFeed::asSent).orElse(null);
    }

    @Test
    void aDealsLifeWithEstimatesShowsItsStageDeliveriesAndEachSourcesLatestEstimate() {
        feed.publish(s300("d1", "RUS", "IRN", "2008-01-01T00:00:00Z"),
                new ContractConcluded("d1", date("2007-12-25"), null, at("2008-01-02T00:00:00Z")));
        feed.publish(new EstimateRecorded("d1", usd(900_000_000L), date("2009"), at("2009-03-01T00:00:00Z")),
                new DeliveryRecorded("d1", Tranche.on(date("2016-04-11"), List.of(new TrancheItem("S-300PMU1", 4, false))),
                        at("2016-05-01T00:00:00Z")));

        JsonNode deal = deal("d1", null, null);

        assertThat(deal.path("stage").asText()).isEqualTo("DELIVERING");
        assertThat(deal.path("deliveries")).hasSize(1);
        assertThat(deal.path("estimates")).as("every claim stays").hasSize(2);
        assertThat(deal.path("latestEstimates")).as("one source: its latest report counts").singleElement()
                .satisfies(c -> assertThat(c.path("estimate").path("amount").decimalValue())
                        .isEqualByComparingTo("900000000"));
        assertThat(deal.path("history")).hasSize(4);
        assertThat(deal.path("version").asLong()).isEqualTo(3);
    }

    @Test
    void aDealAsOfPastDatesShowsTheStateItHadThen() {
        feed.publish(s300("d1", "RUS", "IRN", "2008-01-01T00:00:00Z"),
                new ContractConcluded("d1", date("2007-12-25"), null, at("2008-01-02T00:00:00Z")),
                new DealCancelled("d1", date("2010-09-22"), "UN embargo", at("2010-09-23T00:00:00Z")));

        assertThat(deal("d1", LocalDate.parse("2007-12-10"), null).path("stage").asText()).isEqualTo("REPORTED");
        assertThat(deal("d1", LocalDate.parse("2009-01-01"), null).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(deal("d1", LocalDate.parse("2009-01-01"), null).path("stage").asText()).isEqualTo("CONTRACTED");
        assertThat(deal("d1", LocalDate.parse("2011-01-01"), null).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(deal("d1", null, null).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(deal("d1", LocalDate.parse("2006-01-01"), null)).as("not reported yet").isNull();
        assertThat(deal("d1", null, Instant.parse("2009-01-01T00:00:00Z")).path("status").asText())
                .as("as known before the cancellation was recorded").isEqualTo("ACTIVE");
    }

    @Test
    void aRedeliveredOrReplayedEventChangesNothing() {
        List<PublishedEvent> first = feed.publish(s300("d1", "RUS", "IRN", "2008-01-01T00:00:00Z"),
                new ContractConcluded("d1", date("2007-12-25"), null, at("2008-01-02T00:00:00Z")));
        JsonNode before = deal("d1", null, null);
        long changesBefore = viewChanges();
        long loggedBefore = logged();

        assertThat(feed.apply(first)).as("the batch redelivered").isZero();
        assertThat(feed.apply(List.of(first.get(1)))).as("one event replayed").isZero();
        assertThat(deal("d1", null, null)).isEqualTo(before);
        assertThat(viewChanges()).isEqualTo(changesBefore);
        assertThat(logged()).isEqualTo(loggedBefore);

        PublishedEvent next = feed.envelope(new DealCancelled("d1", date("2010-09-22"), "UN embargo",
                at("2010-09-23T00:00:00Z")));
        assertThat(feed.apply(List.of(first.get(0), next, next))).as("only the new event counts, once").isEqualTo(1);
        assertThat(deal("d1", null, null).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(logged()).isEqualTo(loggedBefore + 1);
    }

    @Test
    void aCorrectionChangesTheDealAndARetractionRemovesWhatItRetracts() {
        List<PublishedEvent> events = feed.publish(s300("d1", "RUS", "IRN", "2008-01-01T00:00:00Z"),
                new EstimateRecorded("d1", usd(1), date("2009"), at("2009-03-01T00:00:00Z")));
        feed.publish(new RecordCorrected("d1", events.get(0).id(), "SaleReported",
                Map.of("items", List.of(Map.of("designation", "S-300PMU2", "quantity", 5))), "misread designation",
                at("2009-04-01T00:00:00Z")));

        JsonNode corrected = deal("d1", null, null);
        assertThat(corrected.path("items").get(0).path("designation").asText()).isEqualTo("S-300PMU2");
        assertThat(corrected.path("history").get(0).path("corrections")).hasSize(1);
        assertThat(deal("d1", null, Instant.parse("2009-03-15T00:00:00Z")).path("items").get(0)
                .path("designation").asText()).as("known before the correction").isEqualTo("S-300PMU1");

        feed.publish(new RecordRetracted("d1", events.get(1).id(), "EstimateRecorded", "hoax",
                at("2009-05-01T00:00:00Z")));
        assertThat(deal("d1", null, null).path("estimates")).hasSize(1);

        feed.publish(new RecordRetracted("d1", events.get(0).id(), "SaleReported", "no such deal",
                at("2009-06-01T00:00:00Z")));
        assertThat(deal("d1", null, null)).as("a deal whose report is retracted is gone").isNull();
        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM views.deal_state", Long.class)).isZero();
    }

    private long viewChanges() {
        return database.jdbc().queryForObject("SELECT changes FROM views.view_change", Long.class);
    }

    private long logged() {
        return database.jdbc().queryForObject("SELECT count(*) FROM views.event_log", Long.class);
    }
}
