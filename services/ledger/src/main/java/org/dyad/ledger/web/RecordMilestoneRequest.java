package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.agreement.MilestoneKind;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/**
 * Body of {@code POST /api/v1/agreements/{id}/milestones}: which milestone, when, for which party (absent: the whole
 * agreement) and, for provisions taking effect, which ({@code provisions}, e.g. "Articles 6 and 7").
 */
public record RecordMilestoneRequest(
        @NotNull MilestoneKind kind,
        @NotNull PartialDate on,
        @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String party,
        @Size(max = 1000) String provisions,
        @Size(max = 1000) String note,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
