package org.dyad.ledger.actor;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.actor.RecordedActorKind;
import org.dyad.contracts.actor.command.RecordActor;
import org.dyad.contracts.actor.event.ActorRecorded;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.dyad.ledger.Sources.ANALYST;
import static org.dyad.ledger.Sources.B2;
import static org.dyad.ledger.Sources.LA_TIMES_2001;
import static org.dyad.ledger.Sources.recorded;

class RecordedActorTest {

    private AggregateTestFixture<RecordedActor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RecordedActor.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private static RecordActor group(String code, String name, List<String> aliases) {
        return new RecordActor(code, name, RecordedActorKind.NON_STATE_GROUP, aliases, LocalDate.of(1991, 4, 1),
                null, null, LA_TIMES_2001, B2, ANALYST);
    }

    @Test
    void aGroupNewToDyadIsRecordedUnderItsCode() {
        fixture.givenNoPriorActivity()
                .when(group("XZZ", " Free Coast Front ", List.of("Free Coast Front (Atlantis)*")))
                .expectEvents(new ActorRecorded("XZZ", "Free Coast Front", RecordedActorKind.NON_STATE_GROUP,
                        List.of("Free Coast Front (Atlantis)*"), LocalDate.of(1991, 4, 1), null, null,
                        recorded(fixture)));
    }

    @Test
    void aCodeAlreadyKnownIsRefused() {
        fixture.givenNoPriorActivity()
                .when(group("XHZ", "Another party", List.of()))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("code: XHZ is already Hezbollah")
                .expectNoEvents();
    }

    @Test
    void aCodeOutsideTheKindsRangeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordActor("QAB", "Some League", RecordedActorKind.INTERNATIONAL_ORGANISATION, List.of(),
                        null, null, null, LA_TIMES_2001, B2, ANALYST))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aNameOrAliasAlreadyKnownIsRefused() {
        fixture.givenNoPriorActivity()
                .when(group("XZY", "Hizballah", List.of()))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("name: 'Hizballah' already names XHZ (Hezbollah)")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(group("XZY", "Free Coast Front", List.of("France")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("aliases[0]: 'France' already names FRA (France)")
                .expectNoEvents();
    }

    @Test
    void aGroupBelongsToNoState() {
        fixture.givenNoPriorActivity()
                .when(new RecordActor("XZY", "Free Coast Front", RecordedActorKind.NON_STATE_GROUP, List.of(), null,
                        null, "FRA", LA_TIMES_2001, B2, ANALYST))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("belongsTo: a NON_STATE_GROUP belongs to no state")
                .expectNoEvents();
    }
}
