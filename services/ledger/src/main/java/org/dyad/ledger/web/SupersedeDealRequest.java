package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Body of {@code POST /api/v1/deals/{id}/supersession}: the deal that takes this one's place. */
public record SupersedeDealRequest(
        @NotNull PartialDate on,
        @NotBlank @Size(max = 64) String supersededBy,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
