package org.dyad.contracts.agreement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Record a party's consent to be bound (ratification, acceptance, approval, accession, succession). */
public record RecordConsentToBeBound(
        @TargetAggregateIdentifier String agreementId,
        PartialDate on,
        String party,
        ConsentMeans means,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        @TargetAggregateVersion Long expectedVersion) {
}
