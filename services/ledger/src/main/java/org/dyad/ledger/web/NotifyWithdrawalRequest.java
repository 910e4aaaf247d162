package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Body of {@code POST /api/v1/agreements/{id}/withdrawals}. */
public record NotifyWithdrawalRequest(
        @NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String party,
        @NotNull PartialDate noticeOn,
        @NotNull PartialDate effectiveOn,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
