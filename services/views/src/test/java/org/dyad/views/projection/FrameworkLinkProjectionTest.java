package org.dyad.views.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.FrameworkAgreementLinked;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.views.query.FetchAgreement;
import org.dyad.views.query.FetchDeal;
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
 * A deal's link to the framework agreement it implements, shown by the deal and by the agreement: India's S-400
 * contract of 2018-10-05 under the intergovernmental agreement signed at the same summit.
 */
class FrameworkLinkProjectionTest {

    private static final String DEAL = "rus-ind-s400";
    private static final String IGA = "rus-ind-2018-s400-iga";

    private final ViewsDatabase database = ViewsDatabase.get();
    private EventFeed feed;
    private Readers readers;
    private List<PublishedEvent> linked;

    @BeforeEach
    void recordTheContractUnderItsAgreement() {
        database.clear();
        feed = new EventFeed(database);
        readers = new Readers(database);
        feed.publish(new AgreementSigned(IGA, "Intergovernmental agreement on the S-400", AgreementKind.AGREEMENT,
                        List.of(AgreementSubject.ARMS_TRADE), List.of("RUS", "IND"), null, date("2018-10-05"),
                        "New Delhi", true, false, null, null, at("2018-10-06T00:00:00Z")),
                new SaleReported(DEAL, "RUS", "IND", List.of(DealItem.of("S-400", "SAM system", 5)),
                        DealStage.CONTRACTED, date("2018-10-05"), null, List.of(), at("2018-10-06T00:00:00Z")));
        linked = feed.publish(new FrameworkAgreementLinked(DEAL, IGA, at("2019-01-10T00:00:00Z")));
    }

    private JsonNode agreement(LocalDate asOf, Instant knownAt) {
        return readers.agreements.fetch(new FetchAgreement(IGA, asOf, knownAt)).map(EventFeed::asSent)
                .orElseThrow();
    }

    @Test
    void theDealAndTheAgreementShowTheLink() {
        JsonNode deal = readers.deals.fetch(new FetchDeal(DEAL, null, null)).map(EventFeed::asSent).orElseThrow();
        assertThat(deal.path("frameworkAgreementId").asText()).isEqualTo(IGA);
        assertThat(agreement(null, null).path("implementingDeals")).extracting(JsonNode::asText)
                .containsExactly(DEAL);
        assertThat(agreement(LocalDate.parse("2020-01-01"), null).path("implementingDeals"))
                .extracting(JsonNode::asText).containsExactly(DEAL);
        assertThat(agreement(null, Instant.parse("2018-12-01T00:00:00Z")).path("implementingDeals"))
                .as("before the link was recorded").isEmpty();
    }

    @Test
    void aRetractedLinkIsGoneFromBothSides() {
        feed.publish(new RecordRetracted(DEAL, linked.get(0).id(), "FrameworkAgreementLinked", "wrong agreement",
                at("2019-02-01T00:00:00Z")));

        JsonNode deal = readers.deals.fetch(new FetchDeal(DEAL, null, null)).map(EventFeed::asSent).orElseThrow();
        assertThat(deal.path("frameworkAgreementId").asText(null)).isNull();
        assertThat(agreement(null, null).path("implementingDeals")).isEmpty();
        assertThat(agreement(null, Instant.parse("2019-01-20T00:00:00Z")).path("implementingDeals"))
                .as("known before the retraction").extracting(JsonNode::asText).containsExactly(DEAL);
    }
}
