package org.dyad.contracts.agreement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Record a party's notice of withdrawal (denunciation) and the date it takes effect. */
public record NotifyWithdrawal(
        @TargetAggregateIdentifier String agreementId,
        String party,
        PartialDate noticeOn,
        PartialDate effectiveOn,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        @TargetAggregateVersion Long expectedVersion) {
}
