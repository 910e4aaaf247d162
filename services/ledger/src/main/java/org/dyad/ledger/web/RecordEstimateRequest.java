package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Body of {@code POST /api/v1/deals/{id}/estimates}: a value claimed by a source. */
public record RecordEstimateRequest(
        @NotNull @Valid Estimate estimate,
        @NotNull PartialDate estimatedOn,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
