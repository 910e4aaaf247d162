package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.Tranche;

/** Body of {@code POST /api/v1/deals/{id}/deliveries}: one delivered tranche. */
public record RecordDeliveryRequest(
        @NotNull @Valid Tranche tranche,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
