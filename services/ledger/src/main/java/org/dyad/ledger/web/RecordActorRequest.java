package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.actor.RecordedActorKind;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Source;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/v1/actors}: an actor the shipped reference list does not know. Dyad assigns its code.
 * {@code belongsTo} is accepted for symmetry with the reference list but must be absent: the kinds that may be
 * recorded belong to no state.
 */
public record RecordActorRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull RecordedActorKind kind,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> aliases,
        LocalDate validFrom,
        LocalDate validTo,
        @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String belongsTo,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
