package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.Lineage;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import java.util.List;

/** Body of {@code POST /api/v1/agreements}. {@code id} is optional; {@code concerning} lists third actors the agreement is about. */
public record SignAgreementRequest(
        @Pattern(regexp = RecordedResponse.ID_PATTERN, message = RecordedResponse.ID_MESSAGE) String id,
        @NotBlank @Size(max = 500) String title,
        @NotNull AgreementKind kind,
        @Size(max = 20) List<@NotNull AgreementSubject> subjects,
        @NotNull @Size(min = 2, max = 200, message = "an agreement needs two or more parties") List<@NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String> parties,
        @Size(max = 50) List<@NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String> concerning,
        @NotNull PartialDate signedOn,
        @Size(max = 200) String place,
        Boolean binding,
        boolean secret,
        @Valid Lineage lineage,
        PartialDate expiresOn,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
