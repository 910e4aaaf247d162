package org.dyad.views.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.EstimateRecorded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.views.projection.DealProjection;
import org.dyad.views.projection.DealView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projector writes a deal's document and summary straight from the folded record; lists and "known at" answers
 * make summaries from documents. Both must give the same text.
 */
class DealSummaryTest {

    private final LoggedFacts facts = new LoggedFacts();

    private LoggedFact fact(DyadEvent event) {
        return facts.add(event);
    }

    private static Provenance at(String recordedAt) {
        return LoggedFacts.by(LoggedFacts.SIPRI, recordedAt);
    }

    @Test
    void aSummaryFromTheRecordEqualsOneFromItsDocument() throws Exception {
        fact(new SaleReported("d", "RUS", "IRN", List.of(DealItem.of("S-300", "SAM system", null)),
                DealStage.REPORTED, PartialDate.parse("~2001-03"), null,
                List.of(new Estimate(new BigDecimal("7000000000.50"), null, null, "USD", EstimateQualifier.ABOUT,
                        2001, null, "two agreements")), at("2001-03-13T10:00:00Z")));
        fact(new EstimateRecorded("d", new Estimate(null, new BigDecimal("2.0E+9"), new BigDecimal("3E9"), "EUR",
                EstimateQualifier.UP_TO, null, null, null), PartialDate.parse("1999"), at("2002-01-01T00:00:00Z")));
        LoggedFact later = fact(new EstimateRecorded("d", new Estimate(BigDecimal.ONE, null, null, "TIV",
                EstimateQualifier.EXACT, null, null, null), PartialDate.parse("2007-05-02"),
                at("2008-01-01T00:00:00Z")));
        fact(new RecordRetracted("d", later.eventId(), "EstimateRecorded", "wrong deal", at("2008-02-01T00:00:00Z")));
        DealView deal = DealProjection.fold(HistoryFolder.history(facts.all(), null), 3);

        ObjectNode document = DyadJson.mapper().valueToTree(deal);
        assertThat(DyadJson.mapper().writeValueAsString(deal)).isEqualTo(DyadJson.mapper().writeValueAsString(document));
        ObjectNode fromRecord = DealSummary.of(deal);
        assertThat(fromRecord.path("firstValidOn").asText()).isEqualTo("1999");
        assertThat(fromRecord.path("lastValidOn").asText()).isEqualTo("2007-05-02");
        assertThat(fromRecord.has("history")).isFalse();
        assertThat(DyadJson.mapper().writeValueAsString(fromRecord))
                .isEqualTo(DyadJson.mapper().writeValueAsString(Sources.compact(DealSummary.of(document.deepCopy()))));
        assertThat(Sources.inline(fromRecord.deepCopy())).isEqualTo(DealSummary.of(document));
    }

    @Test
    void aStoredSummaryNamesEachOfItsSourcesOnceById() {
        fact(new SaleReported("d", "RUS", "IRN", List.of(DealItem.of("S-300", "SAM system", null)),
                DealStage.REPORTED, PartialDate.parse("2001"), null, List.of(new Estimate(new BigDecimal("7E9"), null,
                null, "USD", EstimateQualifier.ABOUT, 2001, null, null)), at("2001-03-13T10:00:00Z")));
        fact(new EstimateRecorded("d", new Estimate(BigDecimal.ONE, null, null, "TIV", EstimateQualifier.EXACT, null,
                null, null), PartialDate.parse("2002"), at("2002-01-01T00:00:00Z")));
        ObjectNode summary = DealSummary.of(DealProjection.fold(HistoryFolder.history(facts.all(), null), 1));

        String sipri = Sources.id(DyadJson.mapper().valueToTree(LoggedFacts.SIPRI));
        assertThat(summary.toString()).containsOnlyOnce("\"publisher\":\"SIPRI\"")
                .containsOnlyOnce("\"" + sipri + "\":{");
        assertThat(summary.path(Sources.INDEX).path(sipri).path("title").asText()).isEqualTo(LoggedFacts.SIPRI.title());
        assertThat(summary.path("latestEstimates").findValuesAsText(Sources.ID)).containsOnly(sipri).isNotEmpty();
        assertThat(summary.has("estimates")).as("every claim is in the deal's own answer").isFalse();
        assertThat(summary.path(Sources.IDS)).hasSize(1);
        assertThat(summary.has("sources")).isFalse();
    }
}
