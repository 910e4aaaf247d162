package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Source;

/** Body of {@code POST /api/v1/records/{id}/retractions}: the claim to withdraw and why. */
public record RetractRecordRequest(
        @NotBlank @Size(max = 100) String eventId,
        @NotBlank @Size(max = 1000) String reason,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
