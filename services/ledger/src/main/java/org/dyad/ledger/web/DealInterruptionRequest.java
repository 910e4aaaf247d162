package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/**
 * Body of a deal's suspension or cancellation: the date, the reason and, when the source cites one, the embargo on
 * record that stopped the deal ({@code embargoId}).
 */
public record DealInterruptionRequest(
        @NotNull PartialDate on,
        @Size(max = 1000) String reason,
        @Size(max = 64) String embargoId,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
