package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Source;

/** Body of {@code POST /api/v1/deals/{id}/framework}: the agreement on record that the deal implements. */
public record LinkFrameworkRequest(
        @NotBlank @Size(max = 64) String agreementId,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
