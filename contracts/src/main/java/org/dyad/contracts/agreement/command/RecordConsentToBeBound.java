package org.dyad.contracts.agreement.command;

import org.dyad.contracts.agreement.ConsentMeans;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Record a party's consent to be bound (ratification, acceptance, approval, accession, succession). */
public record RecordConsentToBeBound(
        String agreementId,
        PartialDate on,
        String party,
        ConsentMeans means,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        Long expectedVersion) implements DyadCommand {

    @Override
    public String targetId() {
        return agreementId;
    }
}
