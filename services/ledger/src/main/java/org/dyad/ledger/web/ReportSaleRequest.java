package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealTerms;
import java.util.List;

/** Body of {@code POST /api/v1/deals}: a reported transfer. {@code id} is optional (Dyad makes one); {@code stage} defaults to REPORTED; {@code signedBy}, optional, is the company or state agency that signed it for the supplier or the recipient. */
public record ReportSaleRequest(
        @Pattern(regexp = RecordedResponse.ID_PATTERN, message = RecordedResponse.ID_MESSAGE) String id,
        @NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String supplier,
        @NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String recipient,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid DealItem> items,
        DealStage stage,
        @NotNull PartialDate reportedOn,
        DealTerms terms,
        @Valid Estimate estimate,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade,
        @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String signedBy) {
}
