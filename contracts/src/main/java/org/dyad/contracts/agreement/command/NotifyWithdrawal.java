package org.dyad.contracts.agreement.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Record a party's notice of withdrawal (denunciation) and the date it takes effect. */
public record NotifyWithdrawal(
        String agreementId,
        String party,
        PartialDate noticeOn,
        PartialDate effectiveOn,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        Long expectedVersion) implements DyadCommand {

    @Override
    public String targetId() {
        return agreementId;
    }
}
