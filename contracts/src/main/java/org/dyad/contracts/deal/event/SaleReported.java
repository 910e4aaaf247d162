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
 * Version 2: version 1 carried at most one {@code estimate}. {@code signedBy}, optional, is the company or state
 * agency that signed the deal for the supplier or the recipient; the deal still belongs to the two states.
 */
@EventType(aggregate = "deal", name = "SaleReported", version = 2,
        description = "A source reported an arms transfer from `supplier` to `recipient`; `estimates` are the "
                + "values it claimed (none, one or several); `signedBy`, when given, is the company or state agency that "
                + "signed it for one of them.")
public record SaleReported(
        String dealId,
        @ActorCode String supplier,
        @ActorCode String recipient,
        List<DealItem> items,
        DealStage stage,
        PartialDate reportedOn,
        DealTerms terms,
        List<Estimate> estimates,
        Provenance provenance,
        @ActorCode(namesIntoRecord = false) String signedBy) implements DyadEvent {

    public SaleReported {
        estimates = estimates == null ? List.of() : List.copyOf(estimates);
    }

    /** A report that names no signer. */
    public SaleReported(String dealId, String supplier, String recipient, List<DealItem> items, DealStage stage,
                        PartialDate reportedOn, DealTerms terms, List<Estimate> estimates, Provenance provenance) {
        this(dealId, supplier, recipient, items, stage, reportedOn, terms, estimates, provenance, null);
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
