package org.dyad.subscriber;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryProcessedEventsTest {

    @Test
    void anEventIsNewOnlyTheFirstTime() {
        ProcessedEvents processed = new InMemoryProcessedEvents(10);

        assertThat(processed.firstTime("e-1")).isTrue();
        assertThat(processed.firstTime("e-1")).isFalse();
        assertThat(processed.firstTime("e-2")).isTrue();
    }

    @Test
    void theLeastRecentlySeenIdIsForgottenBeyondTheCapacity() {
        InMemoryProcessedEvents processed = new InMemoryProcessedEvents(2);
        processed.firstTime("a");
        processed.firstTime("b");
        processed.firstTime("a"); // a redelivery: seen again, so kept longer than b

        processed.firstTime("c");

        assertThat(processed.size()).isEqualTo(2);
        assertThat(processed.firstTime("a")).isFalse();
        assertThat(processed.firstTime("b")).isTrue();
    }

    @Test
    void aForgottenEventIsHandledWhenItComesAgain() {
        ProcessedEvents processed = new InMemoryProcessedEvents(10);
        processed.firstTime("e-1");

        processed.forget("e-1");

        assertThat(processed.firstTime("e-1")).isTrue();
    }

    @Test
    void theCapacityMustBePositive() {
        assertThatThrownBy(() -> new InMemoryProcessedEvents(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
