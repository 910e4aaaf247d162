package org.dyad.ledger;

import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DealSuspended;
import org.dyad.contracts.common.DyadEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dyad.ledger.Sources.ANALYST;
import static org.dyad.ledger.Sources.B2;
import static org.dyad.ledger.Sources.LA_TIMES_2001;
import static org.dyad.ledger.Sources.date;

/** Corrections of dates are checked against the lifecycle in valid time, as new facts are. */
class LifecycleTest {

    private static final org.dyad.contracts.common.Provenance PROVENANCE =
            new org.dyad.contracts.common.Provenance(LA_TIMES_2001, B2, Instant.parse("2026-01-01T00:00:00Z"),
                    ANALYST);

    /** A toy lifecycle: a suspension needs an active record, a cancellation any record not yet cancelled. */
    private static Lifecycle<String[]> lifecycle() {
        return new Lifecycle<>(() -> new String[]{"ACTIVE"}, (state, event) -> {
            if (event instanceof DealSuspended) {
                if (!state[0].equals("ACTIVE")) {
                    return "not active";
                }
                state[0] = "SUSPENDED";
            } else if (event instanceof DealCancelled) {
                if (state[0].equals("CANCELLED")) {
                    return "already cancelled";
                }
                state[0] = "CANCELLED";
            }
            return null;
        }, event -> event instanceof DealSuspended ? "the deal was suspended" : "the deal was cancelled",
                event -> event instanceof DealSuspended ? "a suspension" : "a cancellation", (a, b) -> true,
                () -> date("2011-06-17"), "the deal's first report");
    }

    private static DyadEvent suspended(String on) {
        return new DealSuspended("deal", date(on), "embargo", PROVENANCE);
    }

    private static DyadEvent cancelled(String on) {
        return new DealCancelled("deal", date(on), "cancelled", PROVENANCE);
    }

    private static RecordCorrected moving(String eventId, String type, String on) {
        return new RecordCorrected("deal", eventId, type, Map.of("on", on), "the source gives another date",
                PROVENANCE);
    }

    @Test
    void aCorrectionThatMovesTheConflictingFactLetsTheNewFactIn() {
        Lifecycle<String[]> deal = lifecycle();
        deal.recorded("suspension", suspended("2018-09-22"));
        assertThatThrownBy(() -> deal.requireInOrder("on", cancelled("2017-01-05")))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("on: the deal was suspended on 2018-09-22; a cancellation on 2017-01-05 would come"
                        + " before it");
        RecordCorrected earlier = moving("suspension", "DealSuspended", "2016-03-01");
        assertThatCode(() -> deal.requireInOrder(earlier)).doesNotThrowAnyException();
        deal.corrected(earlier);
        assertThatCode(() -> deal.requireInOrder("on", cancelled("2017-01-05"))).doesNotThrowAnyException();
    }

    @Test
    void aCorrectionThatWouldPutTheLifecycleOutOfOrderIsRefused() {
        Lifecycle<String[]> deal = lifecycle();
        deal.recorded("suspension", suspended("2014-11-25"));
        deal.recorded("cancellation", cancelled("2015"));
        assertThatThrownBy(() -> deal.requireInOrder(moving("suspension", "DealSuspended", "2016-02-01")))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("changes.on: the deal was cancelled on 2015; a suspension on 2016-02-01 would come"
                        + " after it");
    }

    @Test
    void aCorrectionCannotMoveAFactBeforeTheRecordBegan() {
        Lifecycle<String[]> deal = lifecycle();
        deal.recorded("suspension", suspended("2014-11-25"));
        assertThatThrownBy(() -> deal.requireInOrder(moving("suspension", "DealSuspended", "2010")))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("changes.on: 2010 is before the deal's first report (2011-06-17)");
        assertThatCode(() -> deal.requireInOrder(moving("suspension", "DealSuspended", "2011")))
                .as("the year may end after the report").doesNotThrowAnyException();
    }

    @Test
    void aRetractedFactNoLongerConflicts() {
        Lifecycle<String[]> deal = lifecycle();
        deal.recorded("suspension", suspended("2018-09-22"));
        deal.retracted("suspension");
        assertThatCode(() -> deal.requireInOrder("on", cancelled("2017-01-05"))).doesNotThrowAnyException();
    }
}
