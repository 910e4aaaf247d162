package org.dyad.ledger.embargo;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.WeaponCategory;
import org.dyad.contracts.embargo.EmbargoMeasure;
import org.dyad.contracts.embargo.command.ImposeEmbargo;
import org.dyad.contracts.embargo.command.LiftEmbargo;
import org.dyad.contracts.embargo.event.EmbargoImposed;
import org.dyad.contracts.embargo.event.EmbargoLifted;
import org.dyad.contracts.common.PartialDate;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.dyad.ledger.Sources.ANALYST;
import static org.dyad.ledger.Sources.B2;
import static org.dyad.ledger.Sources.date;
import static org.hamcrest.Matchers.containsString;

/**
 * UN Security Council resolution 1929 (adopted 2010-06-09) forbade supplying Iran with battle tanks, armoured
 * combat vehicles, large-calibre artillery, combat aircraft, attack helicopters, warships and missiles; its arms
 * restrictions ended on 2020-10-18 under resolution 2231.
 */
class EmbargoTest {

    private static final String EMBARGO = "unsc-1929-irn";
    private static final Source UN_PRESS = new Source("UN Press", "Security Council imposes additional sanctions on "
            + "Iran", null, PartialDate.parse("2010-06-09"), "resolution 1929 (2010)", "en");
    private static final List<WeaponCategory> HEAVY = List.of(WeaponCategory.ARMOURED_VEHICLES,
            WeaponCategory.ARTILLERY, WeaponCategory.AIRCRAFT, WeaponCategory.SHIPS, WeaponCategory.MISSILES);
    private static final String SCOPE = "battle tanks, armoured combat vehicles, large calibre artillery systems, "
            + "combat aircraft, attack helicopters, warships, missiles or missile systems";

    private AggregateTestFixture<Embargo> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Embargo.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private static ImposeEmbargo impose(String imposedBy, List<String> targets, String from, String to) {
        return new ImposeEmbargo(EMBARGO, imposedBy, targets, date(from), to == null ? null : date(to),
                List.of(EmbargoMeasure.ARMS), HEAVY, SCOPE, "UN Security Council resolution 1929", UN_PRESS, B2,
                ANALYST);
    }

    private Provenance provenance() {
        return new Provenance(UN_PRESS, B2, fixture.currentTime(), ANALYST);
    }

    private EmbargoImposed imposed() {
        return new EmbargoImposed(EMBARGO, "QUN", List.of("IRN"), date("2010-06-09"), null,
                List.of(EmbargoMeasure.ARMS), HEAVY, SCOPE, "UN Security Council resolution 1929", provenance());
    }

    private LiftEmbargo lift(String on) {
        return new LiftEmbargo(EMBARGO, date(on), "terminated under resolution 2231 (2015)", UN_PRESS, B2, ANALYST,
                null);
    }

    @Test
    void anOrganisationImposesAnEmbargoWithItsScopeAndLegalBasis() {
        fixture.givenNoPriorActivity()
                .when(impose("QUN", List.of("IRN"), "2010-06-09", null))
                .expectEvents(imposed());
    }

    @Test
    void anEmbargoNamesWhomItTargets() {
        fixture.givenNoPriorActivity()
                .when(impose("QUN", List.of(), "2010-06-09", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("targets:"))
                .expectNoEvents();
    }

    @Test
    void anActorDoesNotEmbargoItself() {
        fixture.givenNoPriorActivity()
                .when(impose("IRN", List.of("IRN"), "2010-06-09", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("targets: an actor does not impose an embargo on itself")
                .expectNoEvents();
    }

    @Test
    void anUnknownTargetIsRefusedWithSuggestions() {
        fixture.givenNoPriorActivity()
                .when(impose("QUN", List.of("IRM"), "2010-06-09", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("IRN (Iran)"))
                .expectNoEvents();
    }

    @Test
    void anEmbargoCannotEndBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(impose("QUN", List.of("IRN"), "2010-06-09", "2009"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("to: 2009 is before the embargo's start (2010-06-09)")
                .expectNoEvents();
    }

    @Test
    void anEmbargoSaysWhatItForbids() {
        fixture.givenNoPriorActivity()
                .when(new ImposeEmbargo(EMBARGO, "QUN", List.of("IRN"), date("2010-06-09"), null, List.of(), HEAVY,
                        SCOPE, null, UN_PRESS, B2, ANALYST))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("measures:"))
                .expectNoEvents();
    }

    @Test
    void anEmbargoIsLifted() {
        fixture.given(imposed())
                .when(lift("2020-10-18"))
                .expectEvents(new EmbargoLifted(EMBARGO, date("2020-10-18"), "terminated under resolution 2231 (2015)",
                        provenance()));
    }

    @Test
    void anEmbargoIsLiftedOnce() {
        fixture.given(imposed(), new EmbargoLifted(EMBARGO, date("2020-10-18"), "2231", provenance()))
                .when(lift("2021"))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void aLiftingCannotPredateTheEmbargo() {
        fixture.given(imposed())
                .when(lift("2009-12"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("on: 2009-12 is before the embargo's start (2010-06-09)")
                .expectNoEvents();
    }

    @Test
    void anEmbargoThatEndedByItsOwnTermsIsNotLiftedLater() {
        fixture.given(new EmbargoImposed(EMBARGO, "QUN", List.of("IRN"), date("2010-06-09"), date("2020-10-18"),
                        List.of(EmbargoMeasure.ARMS), HEAVY, SCOPE, null, provenance()))
                .when(lift("2021-01"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("after the embargo's set end (2020-10-18)"))
                .expectNoEvents();
    }

    @Test
    void aRetractedEmbargoCannotBeLifted() {
        fixture.given(imposed(), new RecordRetracted(EMBARGO, "e1", "EmbargoImposed", "misread", provenance()))
                .when(lift("2020-10-18"))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage(containsString("retracted"))
                .expectNoEvents();
    }
}
