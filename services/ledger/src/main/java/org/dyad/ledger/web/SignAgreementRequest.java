package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

import java.util.List;

/**
 * Body of {@code POST /api/v1/agreements}.
 *
 * @param id optional identifier chosen by the client; Dyad generates one when absent. Posting an id that exists
 *           answers 409.
 */
public record SignAgreementRequest(
        @Pattern(regexp = RecordedResponse.ID_PATTERN, message = RecordedResponse.ID_MESSAGE) String id,
        @NotBlank @Size(max = 500) String title,
        @NotNull AgreementKind kind,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> subjects,
        @NotNull @Size(min = 2, max = 200, message = "an agreement needs two or more parties")
        List<@NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String> parties,
        @NotNull PartialDate signedOn,
        @Size(max = 200) String place,
        @NotNull @Valid Source source) {
}
