package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.dyad.contracts.agreement.ConsentMeans;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Body of {@code POST /api/v1/agreements/{id}/consents}. */
public record RecordConsentRequest(
        @NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String party,
        @NotNull ConsentMeans means,
        @NotNull PartialDate on,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
