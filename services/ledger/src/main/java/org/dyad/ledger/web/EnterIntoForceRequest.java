package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import java.util.List;

/** Body of {@code POST /api/v1/agreements/{id}/entry-into-force}; without {@code parties}, every signed or consenting party enters. */
public record EnterIntoForceRequest(
        @NotNull PartialDate on,
        @Size(max = 200) List<@NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String> parties,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
