package org.dyad.contracts.deal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What is transferred: a designation as the source names it ("S-300", "Kilo-class"), what it is ("SAM system",
 * "submarine"), and how many when known.
 */
public record DealItem(
        @NotBlank @Size(max = 200) String designation,
        @Size(max = 500) String description,
        @Min(1) Integer quantity) {
}
