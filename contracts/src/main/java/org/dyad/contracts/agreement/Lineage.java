package org.dyad.contracts.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** This agreement extends, amends or supersedes agreement {@code agreementId}. */
public record Lineage(@NotNull LineageRelation relation, @NotBlank String agreementId) {
}
