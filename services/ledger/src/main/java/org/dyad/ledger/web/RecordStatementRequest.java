package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.statement.ClaimedAmount;
import org.dyad.contracts.statement.StatementKind;
import java.util.List;

/**
 * Body of {@code POST /api/v1/statements}; {@code cameoCode} is the CAMEO event code where one fits (e.g. 114, complain
 * officially); {@code claim} the money the statement claims or disputes, if any.
 */
public record RecordStatementRequest(
        @Pattern(regexp = RecordedResponse.ID_PATTERN, message = RecordedResponse.ID_MESSAGE) String id,
        @NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String speaker,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String> addressees,
        @NotNull StatementKind kind,
        @NotNull PartialDate madeOn,
        @NotBlank @Size(max = 2000) String summary,
        @Pattern(regexp = "[0-9]{2,4}", message = "must be a CAMEO code of 2 to 4 digits") String cameoCode,
        @Size(max = 1000) String condition,
        @Size(max = 64) String dealId,
        @Size(max = 64) String agreementId,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade,
        @Valid ClaimedAmount claim) {
}
