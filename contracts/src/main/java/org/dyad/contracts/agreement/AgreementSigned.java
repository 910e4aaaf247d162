package org.dyad.contracts.agreement;

import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.wire.EventType;

import java.time.Instant;
import java.util.List;

/** Two or more parties signed an agreement on {@code signedOn}; Dyad learned it at {@code recordedAt}. */
@EventType(aggregate = "agreement", name = "AgreementSigned", version = 1)
public record AgreementSigned(
        String agreementId,
        String title,
        AgreementKind kind,
        List<String> subjects,
        List<String> parties,
        PartialDate signedOn,
        String place,
        Source source,
        Instant recordedAt,
        String recordedBy) {
}
