package org.dyad.contracts.agreement.event;

import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

import java.util.List;

@EventType(aggregate = "agreement", name = "AgreementEnteredIntoForce", version = 1,
        description = "The agreement entered into force on `on` for `parties`.")
public record AgreementEnteredIntoForce(
        String agreementId,
        PartialDate on,
        @ActorCode(namesIntoRecord = false) List<String> parties,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return agreementId;
    }

    @Override
    public PartialDate validOn() {
        return on;
    }
}
