package org.dyad.ledger.deal;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.common.ValueBasis;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.ItemCondition;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.deal.TrancheItem;
import org.dyad.contracts.deal.command.DropRegisterEntry;
import org.dyad.contracts.deal.command.RecordDelivery;
import org.dyad.contracts.deal.command.RecordTradeRegisterEntry;
import org.dyad.contracts.deal.command.ReportSale;
import org.dyad.contracts.deal.command.RestateRegisterEntry;
import org.dyad.contracts.deal.command.ReviseRegisterEntry;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.RegisterEntryDropped;
import org.dyad.contracts.deal.event.RegisterEntryRecorded;
import org.dyad.contracts.deal.event.RegisterEntryRestated;
import org.dyad.contracts.deal.event.RegisterEntryRevised;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.register.RegisterRow;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.RuleViolationException;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.ledger.Sources.ANALYST;
import static org.dyad.ledger.Sources.B2;
import static org.dyad.ledger.Sources.LA_TIMES_2001;
import static org.dyad.ledger.Sources.date;

/**
 * A deal recorded from a row of SIPRI's trade register, revised by a newer release. The rows are the sample's
 * "Albania, United States, 2020, 3, S-70 Black Hawk, transport helicopter, 2 delivered in 2024" (SIPRI trade register,
 * generated 13 Mar 2025), and the next release as SIPRI would write it once the third helicopter is delivered.
 */
class DealRegisterRevisionTest {

    private static final String DEAL = "sipri-0f3a9c2e71b45d68";
    private static final AdmiraltyGrade A2 = AdmiraltyGrade.parse("A2");
    private static final RegisterRow ROW_2025 = new RegisterRow("Albania", "United States", "2020", null, "3", null,
            "S-70 Black Hawk", "transport helicopter", "2", null, "2024", "Second hand", "Second-hand; aid", "2.6",
            "7.8", "5.2");
    private static final RegisterRow ROW_2026 = new RegisterRow("Albania", "United States", "2020", null, "3", null,
            "S-70 Black Hawk", "transport helicopter", "3", null, "2024; 2025", "Second hand", "Second-hand; aid",
            "2.6", "7.8", "7.8");
    private static final DealItem BLACK_HAWKS = new DealItem("S-70 Black Hawk", "transport helicopter", null, null, 3,
            null, false, ItemCondition.SECOND_HAND);
    private static final Estimate TIV = new Estimate(new BigDecimal("7.8"), null, null, "TIV",
            EstimateQualifier.EXACT, null, ValueBasis.TIV, "SIPRI TIV for total order");

    private AggregateTestFixture<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private static Source sipri(String releasedOn) {
        return new Source("SIPRI", "SIPRI Arms Transfers Database: trade register",
                "https://www.sipri.org/databases/armstransfers", date(releasedOn), null, "en");
    }

    private static Tranche delivered(int quantity, String... years) {
        List<PartialDate> dates = java.util.Arrays.stream(years).map(PartialDate::parse).toList();
        return new Tranche(dates.get(0), dates.size() > 1 ? dates : List.of(),
                List.of(new TrancheItem("S-70 Black Hawk", quantity, false)));
    }

    private static RecordTradeRegisterEntry release2025() {
        return new RecordTradeRegisterEntry(DEAL, "USA", "ALB", BLACK_HAWKS, null, date("2020"), delivered(2, "2024"),
                null, null, List.of(TIV), "sipri-2025-03-13", date("2025-03-13"), 14, ROW_2025, sipri("2025-03-13"),
                A2, ANALYST);
    }

    private static ReviseRegisterEntry release2026(RegisterRow row, Tranche delivery, PartialDate completedOn) {
        return new ReviseRegisterEntry(DEAL, "sipri-2026-03-09", date("2026-03-09"), 15, row,
                row.changesSince(ROW_2025), BLACK_HAWKS, null, date("2020"), delivery, completedOn, null,
                List.of(TIV), sipri("2026-03-09"), A2, ANALYST);
    }

    @Test
    void anEntryOfAReleaseKeepsItsRowAsWritten() {
        fixture.givenNoPriorActivity()
                .when(release2025())
                .expectEventsMatching(payloads(events -> {
                    assertThat(events).hasSize(3);
                    assertThat(events.get(0)).isInstanceOf(SaleReported.class);
                    assertThat(events.get(1)).isInstanceOf(DeliveryRecorded.class);
                    RegisterEntryRecorded entry = (RegisterEntryRecorded) events.get(2);
                    assertThat(entry.releaseId()).isEqualTo("sipri-2025-03-13");
                    assertThat(entry.line()).isEqualTo(14);
                    assertThat(entry.row()).isEqualTo(ROW_2025);
                    assertThat(entry.provenance().source().publisher()).isEqualTo("SIPRI");
                }));
    }

    @Test
    void aRevisionNamesTheChangedCellsCorrectsTheDeliveryAndAddsTheCompletion() {
        Tranche all = delivered(3, "2024", "2025");
        fixture.givenCommands(release2025())
                .when(release2026(ROW_2026, all, date("2025")))
                .expectEventsMatching(payloads(events -> {
                    assertThat(events).hasSize(3);
                    RegisterEntryRevised revised = (RegisterEntryRevised) events.get(0);
                    assertThat(revised.changes()).extracting(c -> c.column() + ": " + c.before() + " -> " + c.after())
                            .containsExactly("Number delivered: 2 -> 3", "Year(s) of delivery: 2024 -> 2024; 2025",
                                    "SIPRI TIV of delivered weapons: 5.2 -> 7.8");
                    RecordCorrected correction = (RecordCorrected) events.get(1);
                    assertThat(correction.correctedEventType()).isEqualTo("DeliveryRecorded");
                    assertThat(correction.changes()).containsOnlyKeys("tranche");
                    assertThat(correction.reason()).isEqualTo("revised by the register's release sipri-2026-03-09");
                    assertThat(correction.provenance().source().publishedOn()).isEqualTo(date("2026-03-09"));
                    assertThat(events.get(2)).isEqualTo(new DeliveryCompleted(DEAL, date("2025"),
                            correction.provenance()));
                }))
                .expectState(deal -> assertThat(deal.stage()).isEqualTo(DealStage.DELIVERED));
    }

    @Test
    void aRewordedDescriptionCorrectsTheFoundingReportOnly() {
        RegisterRow reworded = new RegisterRow("Albania", "United States", "2020", null, "3", null, "S-70 Black Hawk",
                "helicopter", "2", null, "2024", "Second hand", "Second-hand; aid", "2.6", "7.8", "5.2");
        DealItem rewordedItem = new DealItem("S-70 Black Hawk", "helicopter", null, null, 3, null, false,
                ItemCondition.SECOND_HAND);
        fixture.givenCommands(release2025())
                .when(new ReviseRegisterEntry(DEAL, "sipri-2026-03-09", date("2026-03-09"), 15, reworded,
                        reworded.changesSince(ROW_2025), rewordedItem, null, date("2020"), delivered(2, "2024"), null,
                        null, List.of(TIV), sipri("2026-03-09"), A2, ANALYST))
                .expectEventsMatching(payloads(events -> {
                    assertThat(events).hasSize(2);
                    RecordCorrected correction = (RecordCorrected) events.get(1);
                    assertThat(correction.correctedEventType()).isEqualTo("SaleReported");
                    assertThat(correction.changes()).containsOnlyKeys("items");
                    assertThat(correction.changes().get("items").toString()).contains("description=helicopter");
                }));
    }

    @Test
    void aDeliveryTheNewReleaseNoLongerGivesIsRetracted() {
        RegisterRow undelivered = new RegisterRow("Albania", "United States", "2020", null, "3", null,
                "S-70 Black Hawk", "transport helicopter", "0", null, null, "Second hand", "Second-hand; aid", "2.6",
                "7.8", null);
        fixture.givenCommands(release2025())
                .when(release2026(undelivered, null, null))
                .expectEventsMatching(payloads(events -> {
                    assertThat(events).hasSize(2);
                    RecordRetracted retracted = (RecordRetracted) events.get(1);
                    assertThat(retracted.retractedEventType()).isEqualTo("DeliveryRecorded");
                }));
    }

    @Test
    void anAnalystsOwnDeliveryIsNotTheRegistersToRevise() {
        fixture.givenCommands(new RecordTradeRegisterEntry(DEAL, "USA", "ALB", BLACK_HAWKS, null, date("2020"), null,
                        null, null, List.of(TIV), "sipri-2025-03-13", date("2025-03-13"), 14, ROW_2025,
                        sipri("2025-03-13"), A2, ANALYST),
                        new RecordDelivery(DEAL, delivered(1, "2024"), LA_TIMES_2001, B2, ANALYST, null))
                .when(release2026(ROW_2025, delivered(2, "2024"), null))
                .expectEventsMatching(payloads(events -> {
                    // the register's own delivery is new; the analyst's stays as it is
                    assertThat(events).hasSize(2);
                    assertThat(events.get(1)).isInstanceOf(DeliveryRecorded.class);
                }));
    }

    @Test
    void aRestatementAndADropAreRecordedOncePerRelease() {
        fixture.givenCommands(release2025())
                .when(new RestateRegisterEntry(DEAL, "sipri-2026-03-09", date("2026-03-09"), 15, ROW_2025,
                        sipri("2026-03-09"), A2, ANALYST))
                .expectEventsMatching(payloads(events -> assertThat(events).singleElement()
                        .isInstanceOf(RegisterEntryRestated.class)));
        fixture.givenCommands(release2025(), new DropRegisterEntry(DEAL, "sipri-2026-03-09", date("2026-03-09"),
                        sipri("2026-03-09"), A2, ANALYST))
                .when(new DropRegisterEntry(DEAL, "sipri-2027-03-08", date("2027-03-08"), sipri("2027-03-08"), A2,
                        ANALYST))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("the register's release sipri-2026-03-09 already dropped this deal");
        fixture.givenCommands(release2025())
                .when(new DropRegisterEntry(DEAL, "sipri-2026-03-09", date("2026-03-09"), sipri("2026-03-09"), A2,
                        ANALYST))
                .expectEventsMatching(payloads(events -> assertThat(events).singleElement()
                        .isInstanceOf(RegisterEntryDropped.class)));
    }

    @Test
    void theSameOrAnOlderReleaseCannotReviseTheEntry() {
        fixture.givenCommands(release2025())
                .when(new RestateRegisterEntry(DEAL, "sipri-2025-03-13", date("2025-03-13"), 14, ROW_2025,
                        sipri("2025-03-13"), A2, ANALYST))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("the register's release sipri-2025-03-13 already speaks of this deal");
        fixture.givenCommands(release2025())
                .when(new RestateRegisterEntry(DEAL, "sipri-2024-03-11", date("2024-03-11"), 14, ROW_2025,
                        sipri("2024-03-11"), A2, ANALYST))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("the register's release sipri-2024-03-11 (2024-03-11) is older than release "
                        + "sipri-2025-03-13 (2025-03-13), which already speaks of this deal")
                .expectNoEvents();
    }

    @Test
    void aDealReportedByAnAnalystHasNoRegisterEntryToRevise() {
        fixture.givenCommands(new ReportSale(DEAL, "USA", "ALB", List.of(BLACK_HAWKS), DealStage.CONTRACTED,
                        date("2020"), null, null, LA_TIMES_2001, B2, ANALYST))
                .when(release2026(ROW_2026, delivered(3, "2024", "2025"), date("2025")))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("the deal was not recorded from a register's release")
                .expectNoEvents();
    }

    @Test
    void aDealTheRegisterGaveBeforeReleasesWereRecordsTakesItsFirstRestatement() {
        RecordTradeRegisterEntry beforeReleases = new RecordTradeRegisterEntry(DEAL, "USA", "ALB", BLACK_HAWKS, null,
                date("2020"), delivered(2, "2024"), null, null, List.of(TIV), null, null, 0, null,
                sipri("2025-03-13"), A2, ANALYST);
        RestateRegisterEntry restated = new RestateRegisterEntry(DEAL, "sipri-2025-03-13", date("2025-03-13"), 14,
                ROW_2025, sipri("2025-03-13"), A2, ANALYST);
        fixture.givenCommands(beforeReleases)
                .when(restated)
                .expectEventsMatching(payloads(events -> assertThat(events).singleElement()
                        .isInstanceOf(RegisterEntryRestated.class)));
        // and is then revised like any entry of a release
        fixture.givenCommands(beforeReleases, restated)
                .when(release2026(ROW_2026, delivered(3, "2024", "2025"), date("2025")))
                .expectEventsMatching(payloads(events -> assertThat(events).hasSize(3)));
        // an analyst's report is not the register's to restate
        fixture.givenCommands(new ReportSale(DEAL, "USA", "ALB", List.of(BLACK_HAWKS), DealStage.CONTRACTED,
                        date("2020"), null, null, LA_TIMES_2001, B2, ANALYST))
                .when(restated)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void aRevisionThatWouldDeliverBeforeTheOrderIsRefusedWhole() {
        fixture.givenCommands(release2025())
                .when(release2026(ROW_2026, delivered(3, "2019"), null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    /** Lets a test assert on the payloads the command applied, whatever ids the fixture gave earlier events. */
    private static TypeSafeMatcher<List<EventMessage<?>>> payloads(java.util.function.Consumer<List<Object>> check) {
        return new TypeSafeMatcher<>() {
            private AssertionError failure;

            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                try {
                    check.accept(events.stream().map(e -> (Object) e.getPayload()).toList());
                    return true;
                } catch (AssertionError e) {
                    failure = e;
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(failure == null ? "events as expected" : failure.getMessage());
            }
        };
    }
}
