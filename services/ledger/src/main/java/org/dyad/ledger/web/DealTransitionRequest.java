package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Body of a deal transition that needs only a date and, for suspension and cancellation, a reason. */
public record DealTransitionRequest(
        @NotNull PartialDate on,
        @Size(max = 1000) String reason,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
