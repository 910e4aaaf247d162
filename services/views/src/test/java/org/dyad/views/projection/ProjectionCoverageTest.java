package org.dyad.views.projection;

import org.dyad.contracts.wire.EventCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every published event of a kind of record has its {@code on(…)} method in that kind's projection. */
class ProjectionCoverageTest {

    private static List<Class<?>> eventsOf(String recordType) {
        return EventCatalog.EVENTS.stream().filter(e -> recordType.equals(EventCatalog.aggregateOf(e))).toList();
    }

    @Test
    void eachDealEventHasAHandlerInDealProjection() {
        assertThat(DealProjection.FOLD.types()).containsExactlyInAnyOrderElementsOf(eventsOf("deal"));
    }

    @Test
    void eachAgreementEventHasAHandlerInAgreementProjection() {
        assertThat(AgreementProjection.FOLD.types()).containsExactlyInAnyOrderElementsOf(eventsOf("agreement"));
    }

    @Test
    void eachStatementEventHasAHandlerInStatementProjection() {
        assertThat(StatementProjection.FOLD.types()).containsExactlyInAnyOrderElementsOf(eventsOf("statement"));
    }

    @Test
    void eachEmbargoEventHasAHandlerInEmbargoProjection() {
        assertThat(EmbargoProjection.FOLD.types()).containsExactlyInAnyOrderElementsOf(eventsOf("embargo"));
    }

    @Test
    void eachReleaseEventHasAHandlerInReleaseProjection() {
        assertThat(ReleaseProjection.FOLD.types()).containsExactlyInAnyOrderElementsOf(eventsOf("release"));
    }
}
