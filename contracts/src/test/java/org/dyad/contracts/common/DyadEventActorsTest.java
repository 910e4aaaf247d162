package org.dyad.contracts.common;

import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.SignatureRecorded;
import org.dyad.contracts.deal.event.DealSuspended;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.statement.event.StatementRecorded;
import org.dyad.contracts.wire.DyadJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which actors an event names is said by the event, and stays off the wire. */
class DyadEventActorsTest {

    private static final PartialDate DAY = PartialDate.parse("2001-03-12");

    @Test
    void eventsThatBringActorsIntoARecordNameThem() {
        assertThat(new SaleReported("d-1", "RUS", "IRN", List.of(), null, DAY, null, null, null).actors())
                .containsExactly("RUS", "IRN");
        assertThat(new AgreementSigned("a-1", "Treaty", AgreementKind.AGREEMENT, List.of(), List.of("RUS", "IRN"),
                List.of("USA"), DAY, "Moscow", true, false, null, null, null).actors())
                .containsExactly("RUS", "IRN", "USA");
        assertThat(new AgreementSigned("a-2", "Treaty", AgreementKind.AGREEMENT, List.of(), List.of("RUS", "IRN"),
                null, DAY, null, null, false, null, null, null).actors()).containsExactly("RUS", "IRN");
        assertThat(new SignatureRecorded("a-1", DAY, "BLR", null).actors()).containsExactly("BLR");
        assertThat(new StatementRecorded("s-1", "USA", List.of("RUS", "IRN"), null, DAY, "protest", null, null,
                null, null, null).actors()).containsExactly("RUS", "IRN", "USA");
    }

    @Test
    void eventsAboutARecordNamedBeforeNameNone() {
        assertThat(new DealSuspended("d-1", DAY, "embargo", null).actors()).isEmpty();
    }

    @Test
    void theActorsAreNotPartOfTheEventsJson() throws Exception {
        String json = DyadJson.mapper().writeValueAsString(
                new SaleReported("d-1", "RUS", "IRN", List.of(), null, DAY, null, null, null));
        assertThat(DyadJson.mapper().readTree(json).has("actors")).isFalse();
        assertThat(json).contains("\"supplier\":\"RUS\"");
    }
}
