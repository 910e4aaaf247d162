package org.dyad.contracts.deal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.wire.Described;

/** How many of one designation a tranche delivered. */
@Described("How many of one designation a tranche delivered.")
public record TrancheItem(@NotBlank @Size(max = 200) String designation, @Min(0) Integer quantity,
                          boolean quantityUncertain) {
}
