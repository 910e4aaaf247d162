package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealTerms;
import org.dyad.contracts.wire.EventType;

import java.util.List;

/**
 * Several estimates, such as a price in rupees and its dollar equivalent, are each an element of {@code estimates}.
 * Version 2: version 1 carried at most one {@code estimate}.
 */
@EventType(aggregate = "deal", name = "SaleReported", version = 2,
        description = "A source reported an arms transfer from `supplier` to `recipient`; `estimates` are the "
                + "values it claimed (none, one or several).")
public record SaleReported(
        String dealId,
        @ActorCode String supplier,
        @ActorCode String recipient,
        List<DealItem> items,
        DealStage stage,
        PartialDate reportedOn,
        DealTerms terms,
        List<Estimate> estimates,
        Provenance provenance) implements DyadEvent {

    public SaleReported {
        estimates = estimates == null ? List.of() : List.copyOf(estimates);
    }

    @Override
    public String aggregateId() {
        return dealId;
    }

    @Override
    public PartialDate validOn() {
        return reportedOn;
    }
}
