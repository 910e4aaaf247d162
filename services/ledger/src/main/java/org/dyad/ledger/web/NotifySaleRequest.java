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
import org.dyad.contracts.deal.SaleNotification;

import java.util.List;

/**
 * Body of {@code POST /api/v1/deals/notifications}: a sale notified to a legislature. {@code id} is optional (Dyad
 * makes one); {@code notification} names its number (required) and addressee; {@code estimate} is what the
 * notification states, usually qualified ESTIMATED_TOTAL_COST.
 */
public record NotifySaleRequest(
        @Pattern(regexp = RecordedResponse.ID_PATTERN, message = RecordedResponse.ID_MESSAGE) String id,
        @NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String supplier,
        @NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String recipient,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid DealItem> items,
        @NotNull PartialDate notifiedOn,
        @NotNull @Valid SaleNotification notification,
        @Valid Estimate estimate,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
