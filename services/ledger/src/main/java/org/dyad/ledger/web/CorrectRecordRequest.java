package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Source;
import java.util.Map;

/** Body of {@code POST /api/v1/records/{id}/corrections}: the event to correct, the new values of its fields, and why. */
public record CorrectRecordRequest(
        @NotBlank @Size(max = 100) String eventId,
        @NotEmpty @Size(max = 20) Map<String, Object> changes,
        @NotBlank @Size(max = 1000) String reason,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
