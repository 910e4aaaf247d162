package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import java.util.List;

/**
 * Body of {@code POST /api/v1/deals/{id}/contract}; {@code items}, when given, replace the reported ones;
 * {@code signedBy}, optional, is the company or state agency that signed the contract for the supplier or the recipient.
 */
public record ConcludeContractRequest(
        @NotNull PartialDate on,
        @Size(max = 100) List<@NotNull @Valid DealItem> items,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade,
        @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String signedBy) {
}
