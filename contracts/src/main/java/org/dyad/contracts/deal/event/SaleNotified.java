package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.SaleNotification;
import org.dyad.contracts.wire.EventType;

import java.util.List;

/**
 * A sale from {@code supplier} to {@code recipient} was proposed to a legislature on {@code notifiedOn}: the deal
 * starts at stage NOTIFIED. {@code estimates} are the values the notification states, typically one
 * ESTIMATED_TOTAL_COST (a ceiling, not a price).
 */
@EventType(aggregate = "deal", name = "SaleNotified", version = 1,
        description = "A sale from `supplier` to `recipient` was notified to a legislature (`notification`: its "
                + "number and addressee) on `notifiedOn`, before negotiation and contract; `estimates` are the values "
                + "the notification states, typically an estimated total cost (a ceiling, not a price).")
public record SaleNotified(
        String dealId,
        @ActorCode String supplier,
        @ActorCode String recipient,
        List<DealItem> items,
        PartialDate notifiedOn,
        SaleNotification notification,
        List<Estimate> estimates,
        Provenance provenance) implements DyadEvent {

    public SaleNotified {
        items = items == null ? List.of() : List.copyOf(items);
        estimates = estimates == null ? List.of() : List.copyOf(estimates);
    }

    @Override
    public String aggregateId() {
        return dealId;
    }

    @Override
    public PartialDate validOn() {
        return notifiedOn;
    }
}
