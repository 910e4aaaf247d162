package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Body of {@code POST /api/v1/embargoes/{id}/lifting}: from when the embargo no longer binds, and why. */
public record LiftEmbargoRequest(
        @NotNull PartialDate on,
        @NotBlank @Size(max = 1000) String reason,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
