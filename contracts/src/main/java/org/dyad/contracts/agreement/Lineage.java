package org.dyad.contracts.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.dyad.contracts.wire.Described;

/** This agreement extends, amends or supersedes agreement {@code agreementId}. */
@Described("This agreement extends, amends or supersedes the agreement `agreementId`.")
public record Lineage(@NotNull LineageRelation relation, @NotBlank String agreementId) {
}
