package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/**
 * Body of {@code POST /api/v1/deals/{id}/expected-deliveries}: when the source said it ({@code statedOn}), the
 * period the delivery is due in ({@code dueFrom}, optional, to {@code dueBy}), and what is due (a designation of the
 * deal and a quantity; both absent: the whole outstanding order).
 */
public record ExpectDeliveryRequest(
        @NotNull PartialDate statedOn,
        PartialDate dueFrom,
        @NotNull PartialDate dueBy,
        @Size(max = 200) String designation,
        @Positive Integer quantity,
        @Size(max = 1000) String note,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
