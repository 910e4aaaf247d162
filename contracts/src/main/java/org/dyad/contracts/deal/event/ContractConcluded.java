package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.wire.EventType;

import java.util.List;

@EventType(aggregate = "deal", name = "ContractConcluded", version = 1,
        description = "The deal was contracted (ordered) on `on`; `items`, when given, replace the reported ones; `signedBy`, when given, is the "
                + "company or state agency that signed the contract for the supplier or the recipient.")
public record ContractConcluded(
        String dealId,
        PartialDate on,
        List<DealItem> items,
        Provenance provenance,
        @ActorCode(namesIntoRecord = false) String signedBy) implements DyadEvent {

    /** A contract that names no signer. */
    public ContractConcluded(String dealId, PartialDate on, List<DealItem> items, Provenance provenance) {
        this(dealId, on, items, provenance, null);
    }

    @Override
    public String aggregateId() {
        return dealId;
    }

    @Override
    public PartialDate validOn() {
        return on;
    }
}
