package org.dyad.contracts.deal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.wire.Described;

import java.util.List;

/**
 * One delivery of some of a deal's items.
 *
 * @param deliveredOn when the delivery took place (or began)
 * @param spreadOver  the dates (usually years) the quantities were delivered over, when the source gives a total
 *                    for several years without splitting it, as SIPRI does ("2017; 2018; 2019"); empty otherwise
 */
@Described("One delivery of some of a deal's items on `deliveredOn`; `spreadOver` lists the dates (usually years) "
        + "a total was delivered over when the source does not split it.")
public record Tranche(@NotNull PartialDate deliveredOn,
                      @Size(max = 100) List<@NotNull PartialDate> spreadOver,
                      @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid TrancheItem> items) {

    public Tranche {
        spreadOver = spreadOver == null ? List.of() : List.copyOf(spreadOver);
    }

    /** A delivery on one date. */
    public static Tranche on(PartialDate deliveredOn, List<TrancheItem> items) {
        return new Tranche(deliveredOn, List.of(), items);
    }
}
