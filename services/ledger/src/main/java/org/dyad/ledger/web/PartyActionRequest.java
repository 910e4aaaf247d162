package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Body of a transition of one party (signature, suspension, resumption, renunciation). */
public record PartyActionRequest(
        @NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String party,
        @NotNull PartialDate on,
        @Size(max = 1000) String reason,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
