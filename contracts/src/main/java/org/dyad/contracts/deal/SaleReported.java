package org.dyad.contracts.deal;

import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.wire.EventType;

import java.time.Instant;
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
        Estimate estimate,
        Source source,
        Instant recordedAt,
        String recordedBy) {
}
