package org.dyad.contracts.agreement.event;

import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "agreement", name = "WithdrawalNotified", version = 1,
        description = "A party gave notice of withdrawal on `noticeOn`; it is withdrawn from `effectiveOn`.")
public record WithdrawalNotified(
        String agreementId,
        @ActorCode(namesIntoRecord = false) String party,
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
