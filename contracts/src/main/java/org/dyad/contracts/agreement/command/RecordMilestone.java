package org.dyad.contracts.agreement.command;

import org.dyad.contracts.agreement.MilestoneKind;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/**
 * Record a milestone of an agreement other than signature, consent and entry into force (adoption of the text,
 * provisional application, provisions taking effect), for the agreement or for one of its parties.
 */
public record RecordMilestone(
        String agreementId,
        MilestoneKind kind,
        PartialDate on,
        String party,
        String provisions,
        String note,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        Long expectedVersion) implements DyadCommand {

    @Override
    public String targetId() {
        return agreementId;
    }
}
