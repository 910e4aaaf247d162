package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;

import java.util.List;

/**
 * Body of {@code POST /api/v1/deals}.
 *
 * @param id       optional identifier chosen by the client; Dyad generates one when absent
 * @param stage    how far the deal has come according to the source; REPORTED when absent
 * @param estimate the value the source claims, if any
 */
public record ReportSaleRequest(
        @Pattern(regexp = RecordedResponse.ID_PATTERN, message = RecordedResponse.ID_MESSAGE) String id,
        @NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String supplier,
        @NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String recipient,
        @NotNull @Size(min = 1, max = 100, message = "a deal needs between 1 and 100 items") List<@NotNull @Valid DealItem> items,
        DealStage stage,
        @NotNull PartialDate reportedOn,
        @Valid Estimate estimate,
        @NotNull @Valid Source source) {
}
