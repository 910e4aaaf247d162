package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/**
 * The signer of a deal: Russia's S-300PMU1 contract with Iran of 2007-12-25, signed by Rosoboronexport
 * ({@code GRO}); the recording times are invented. The deal shows its signer, the agency's profile lists it, and
 * Russia's side of the trade is the same as without a signer.
 */
class SignedDealsReaderTest {

    private static final Instant BEFORE_THE_SIGNER_WAS_KNOWN = Instant.parse("2008-01-01T12:00:00Z");

    private Readers readers;
    private EventFeed feed;

    @BeforeEach
    void world() {
        ViewsDatabase database = ViewsDatabase.get();
        database.clear();
        feed = new EventFeed(database);
        feed.publish(new SaleReported("s300", "RUS", "IRN", List.of(DealItem.of("S-300PMU1", null, 5)),
                        DealStage.NEGOTIATING, date("2007-12"), null, List.of(), at("2008-01-01T00:00:00Z")),
                new ContractConcluded("s300", date("2007-12-25"), null, at("2008-01-02T00:00:00Z"), "GRO"),
                new SaleReported("kilo", "RUS", "IND", List.of(DealItem.of("Kilo submarine", null, 1)),
                        DealStage.REPORTED, date("2012-05"), null, List.of(), at("2012-06-01T00:00:00Z")));
        readers = new Readers(database);
    }

    private JsonNode profile(String actor, Instant knownAt) {
        return EventFeed.asSent(readers.profiles.fetch(new FetchActorProfile(actor, null, knownAt)));
    }

    private static List<String> ids(JsonNode deals) {
        List<String> ids = new ArrayList<>();
        deals.forEach(d -> ids.add(d.path("dealId").asText()));
        return ids;
    }

    @Test
    void theDealShowsItsSigner() {
        JsonNode deal = EventFeed.asSent(readers.deals.fetch(new FetchDeal("s300", null, null)).orElseThrow());
        assertThat(deal.path("signedBy").asText()).isEqualTo("GRO");
        JsonNode unsigned = EventFeed.asSent(readers.deals.fetch(new FetchDeal("kilo", null, null)).orElseThrow());
        assertThat(unsigned.has("signedBy")).isFalse();
    }

    @Test
    void theAgencysProfileListsTheDealsItSigned() {
        JsonNode agency = profile("GRO", null);
        assertThat(agency.path("actor").path("kind").asText()).isEqualTo("STATE_AGENCY");
        assertThat(agency.path("actor").path("belongsTo").asText()).isEqualTo("RUS");
        assertThat(ids(agency.path("signedDeals"))).containsExactly("s300");
        assertThat(agency.path("signedDeals").get(0).path("signedBy").asText()).isEqualTo("GRO");
        assertThat(agency.path("asSupplier").path("deals").asInt()).as("the deal is Russia's, not the agency's")
                .isZero();
        assertThat(ids(profile("CDA", null).path("signedDeals"))).isEmpty();
    }

    @Test
    void knownAtBeforeTheSignerWasRecordedTheProfileListsNoDeal() {
        assertThat(ids(profile("GRO", BEFORE_THE_SIGNER_WAS_KNOWN).path("signedDeals"))).isEmpty();
    }

    @Test
    void aCorrectionThatNamesTheSignerPutsTheDealInTheSignersProfile() {
        // Invented: the correction is a test fact.
        String kiloReport = readers.deals.fetch(new FetchDeal("kilo", null, null)).orElseThrow()
                .path("history").get(0).path("eventId").asText();
        feed.publish(new RecordCorrected("kilo", kiloReport, "SaleReported", Map.of("signedBy", "GRO"),
                "the source named the agency", at("2012-07-01T00:00:00Z")));
        assertThat(ids(profile("GRO", null).path("signedDeals"))).containsExactly("kilo", "s300");
        assertThat(ids(profile("GRO", Instant.parse("2012-06-15T00:00:00Z")).path("signedDeals")))
                .as("before the correction was recorded").containsExactly("s300");
    }

    @Test
    void theSuppliersSideIsUnchangedByTheSigner() {
        JsonNode rus = profile("RUS", null);
        assertThat(rus.path("asSupplier").path("deals").asInt()).isEqualTo(2);
        assertThat(rus.path("asSupplier").path("topPartners")).hasSize(2);
        assertThat(ids(rus.path("signedDeals"))).isEmpty();
    }
}
