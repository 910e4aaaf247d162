package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealStage;

/** Body of {@code POST /api/v1/deals/{id}/revival}: the open stage the revived deal is back at. */
public record ReviveDealRequest(
        @NotNull PartialDate on,
        @NotNull DealStage stage,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
