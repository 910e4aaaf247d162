package org.dyad.contracts.agreement.command;

import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.Lineage;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

import java.util.List;

/** Record that two or more parties signed an agreement. */
public record SignAgreement(
        String agreementId,
        String title,
        AgreementKind kind,
        List<AgreementSubject> subjects,
        List<String> parties,
        List<String> concerning,
        PartialDate signedOn,
        String place,
        Boolean binding,
        boolean secret,
        Lineage lineage,
        PartialDate expiresOn,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) implements DyadCommand {

    @Override
    public String targetId() {
        return agreementId;
    }
}
