package org.dyad.contracts.deal;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;
import java.util.List;

/** A source reported an arms transfer; {@code estimate} is the value it claimed, if any. */
@EventType(aggregate = "deal", name = "SaleReported", version = 1)
public record SaleReported(
        String dealId,
        String supplier,
        String recipient,
        List<DealItem> items,
        DealStage stage,
        PartialDate reportedOn,
        DealTerms terms,
        Estimate estimate,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return dealId;
    }

    @Override
    public PartialDate validOn() {
        return reportedOn;
    }
}
