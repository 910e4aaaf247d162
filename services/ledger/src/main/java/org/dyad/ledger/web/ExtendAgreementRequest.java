package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Body of {@code POST /api/v1/agreements/{id}/extensions}. */
public record ExtendAgreementRequest(
        @NotNull PartialDate on,
        @NotNull PartialDate expiresOn,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
