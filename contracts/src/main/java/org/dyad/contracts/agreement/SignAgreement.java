package org.dyad.contracts.agreement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

import java.util.List;

/** Record that two or more parties signed an agreement. */
public record SignAgreement(
        @TargetAggregateIdentifier String agreementId,
        String title,
        AgreementKind kind,
        List<String> subjects,
        List<String> parties,
        PartialDate signedOn,
        String place,
        Source source,
        String recordedBy) {
}
