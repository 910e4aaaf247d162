package org.dyad.subscriber;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.deal.command.CancelDeal;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.wire.PublishedEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DyadEventDispatcherTest {

    @Test
    void anEventGoesToTheHandlerOfItsClassWithItsEnvelope() {
        List<String> seen = new ArrayList<>();
        DyadEventDispatcher dispatcher = new DyadEventDispatcher()
                .on(SaleReported.class, (sale, event) -> seen.add("sale " + sale.dealId() + " " + event.id()))
                .on(DealCancelled.class, (cancelled, event) -> seen.add("cancelled " + cancelled.reason()));

        boolean handled = dispatcher.dispatch(Events.published("e-1", Events.sale("deal-1")));

        assertThat(handled).isTrue();
        assertThat(seen).containsExactly("sale deal-1 e-1");
    }

    @Test
    void anEventWithoutHandlerIsIgnored() {
        DyadEventDispatcher dispatcher = new DyadEventDispatcher()
                .on(SaleReported.class, (sale, event) -> {
                    throw new AssertionError("not a sale");
                });

        assertThat(dispatcher.dispatch(Events.published("e-2", Events.cancelled("deal-1")))).isFalse();
    }

    @Test
    void handlersOfASupertypeSeeEveryEventInRegistrationOrder() {
        List<String> seen = new ArrayList<>();
        DyadEventDispatcher dispatcher = new DyadEventDispatcher()
                .on(DyadEvent.class, (e, event) -> seen.add("any " + e.aggregateId()))
                .on(DealCancelled.class, (cancelled, event) -> seen.add("cancelled"));

        PublishedEvent cancelled = Events.published("e-2", Events.cancelled("deal-1"));
        dispatcher.dispatch(cancelled);

        assertThat(seen).containsExactly("any deal-1", "cancelled");
    }

    @Test
    void aClassThatIsNoPublishedEventIsRejected() {
        assertThatThrownBy(() -> new DyadEventDispatcher().on(CancelDeal.class, (command, event) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CancelDeal");
    }
}
