package org.dyad.contracts.deal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.PartialDate;

import java.util.List;

/** One delivery of some of a deal's items. */
public record Tranche(@NotNull PartialDate deliveredOn,
                      @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid TrancheItem> items) {
}
