package org.dyad.contracts.agreement.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

/** A party gave notice on {@code noticeOn}; it is withdrawn from {@code effectiveOn}. */
@EventType(aggregate = "agreement", name = "WithdrawalNotified", version = 1)
public record WithdrawalNotified(
        String agreementId,
        String party,
        PartialDate noticeOn,
        PartialDate effectiveOn,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return agreementId;
    }

    @Override
    public PartialDate validOn() {
        return noticeOn;
    }
}
