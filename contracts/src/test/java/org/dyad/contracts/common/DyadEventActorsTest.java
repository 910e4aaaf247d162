package org.dyad.contracts.common;

import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementRenounced;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.ConsentToBeBoundRecorded;
import org.dyad.contracts.agreement.event.ParticipationResumed;
import org.dyad.contracts.agreement.event.ParticipationSuspended;
import org.dyad.contracts.agreement.event.SignatureRecorded;
import org.dyad.contracts.agreement.event.WithdrawalNotified;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.event.DealSuspended;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.SaleNotified;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.embargo.event.EmbargoImposed;
import org.dyad.contracts.statement.event.StatementRecorded;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.contracts.wire.EventCatalog;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which actors an event names is declared on the event's record components ({@link ActorCode}), read from there by
 * {@link DyadEvent#actors()}, and stays off the wire.
 */
class DyadEventActorsTest {

    private static final PartialDate DAY = PartialDate.parse("2001-03-12");

    @Test
    void eventsThatBringActorsIntoARecordNameThemInTheOrderTheRecordDeclaresThem() {
        assertThat(new SaleReported("d-1", "RUS", "IRN", List.of(), null, DAY, null, null, null).actors())
                .containsExactly("RUS", "IRN");
        assertThat(new AgreementSigned("a-1", "Treaty", AgreementKind.AGREEMENT, List.of(), List.of("RUS", "IRN"),
                List.of("USA"), DAY, "Moscow", true, false, null, null, null).actors())
                .containsExactly("RUS", "IRN", "USA");
        assertThat(new SignatureRecorded("a-1", DAY, "BLR", null).actors()).containsExactly("BLR");
        assertThat(new ConsentToBeBoundRecorded("a-1", DAY, "BLR", null, null).actors()).containsExactly("BLR");
        assertThat(new StatementRecorded("s-1", "USA", List.of("RUS", "IRN"), null, DAY, "protest", null, null,
                null, null, null).actors()).containsExactly("USA", "RUS", "IRN");
        assertThat(new EmbargoImposed("e-1", "QUN", List.of("IRN", "PRK"), DAY, null, List.of(), List.of(), null,
                null, null).actors()).containsExactly("QUN", "IRN", "PRK");
    }

    @Test
    void absentActorsAreLeftOut() {
        assertThat(new AgreementSigned("a-2", "Treaty", AgreementKind.AGREEMENT, List.of(), List.of("RUS", "IRN"),
                null, DAY, null, null, false, null, null, null).actors()).containsExactly("RUS", "IRN");
        assertThat(new SaleReported("d-1", "RUS", null, List.of(), null, DAY, null, null, null).actors())
                .containsExactly("RUS");
        assertThat(new StatementRecorded("s-1", "USA", null, null, DAY, "protest", null, null, null, null, null)
                .actors()).containsExactly("USA");
    }

    @Test
    void eventsAboutARecordNamedBeforeNameNone() {
        assertThat(new DealSuspended("d-1", DAY, "embargo", null, "e-1").actors()).isEmpty();
        assertThat(new RecordRetracted("d-1", "e-1", "SaleReported", "withdrawn", null).actors()).isEmpty();
        // These hold an actor code, but of a party the agreement named when it signed or consented.
        assertThat(new AgreementEnteredIntoForce("a-1", DAY, List.of("RUS", "IRN"), null).actors()).isEmpty();
        assertThat(new ParticipationSuspended("a-1", DAY, "RUS", "sanctions", null).actors()).isEmpty();
        assertThat(new ParticipationResumed("a-1", DAY, "RUS", null).actors()).isEmpty();
        assertThat(new WithdrawalNotified("a-1", "RUS", DAY, DAY, null).actors()).isEmpty();
        assertThat(new AgreementRenounced("a-1", DAY, "RUS", null, null).actors()).isEmpty();
        // The signer acts for the supplier or the recipient: the deal stays filed under the two states.
        assertThat(new ContractConcluded("d-1", DAY, null, null, "GRO").actors()).isEmpty();
        assertThat(new SaleReported("d-1", "RUS", "IND", List.of(), null, DAY, null, null, null, "GRO").actors())
                .containsExactly("RUS", "IND");
        assertThat(new SaleNotified("d-2", "USA", "KOR", List.of(), DAY, null, null, null).actors())
                .containsExactly("USA", "KOR");
    }

    @Test
    void everyActorCodeComponentOfAPublishedEventHoldsCodes() {
        for (Class<?> event : EventCatalog.EVENTS) {
            for (RecordComponent component : event.getRecordComponents()) {
                if (component.isAnnotationPresent(ActorCode.class)) {
                    assertThat(EventActors.holdsActorCodes(component))
                            .as("%s.%s is a String or a List<String>", event.getSimpleName(), component.getName())
                            .isTrue();
                }
            }
        }
        assertThat(EventCatalog.EVENTS.stream().filter(event -> Arrays.stream(event.getRecordComponents())
                .anyMatch(c -> c.isAnnotationPresent(ActorCode.class)))).hasSize(14);
    }

    @Test
    void anActorCodeOnAComponentThatHoldsNoCodesIsRefused() {
        assertThatThrownBy(() -> EventActors.accessorsOf(Misdeclared.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Misdeclared.count");
    }

    @Test
    void theActorsAreNotPartOfTheEventsJson() throws Exception {
        String json = DyadJson.mapper().writeValueAsString(
                new SaleReported("d-1", "RUS", "IRN", List.of(), null, DAY, null, null, null));
        assertThat(DyadJson.mapper().readTree(json).has("actors")).isFalse();
        assertThat(json).contains("\"supplier\":\"RUS\"");
    }

    record Misdeclared(@ActorCode Integer count) {
    }
}
