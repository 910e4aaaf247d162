package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "deal", name = "FrameworkAgreementLinked", version = 1,
        description = "The deal implements the framework agreement `agreementId` (a contract under an "
                + "intergovernmental agreement, a delivery under a programme). The link has no date of its own: "
                + "it holds for as long as the deal does.")
public record FrameworkAgreementLinked(
        String dealId,
        String agreementId,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return dealId;
    }

    /** A link between records, true whenever the deal is: no valid date. */
    @Override
    public PartialDate validOn() {
        return null;
    }
}
