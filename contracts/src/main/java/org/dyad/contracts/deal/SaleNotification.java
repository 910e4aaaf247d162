package org.dyad.contracts.deal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.wire.Described;

/**
 * The formal notification of a proposed sale to a legislature: its {@code number} as the notifying government gives it
 * (a DSCA transmittal number such as "20-23") and to whom it was notified (e.g. "US Congress").
 */
@Described("The notification of a proposed sale to a legislature: its `number` (e.g. the DSCA transmittal number "
        + "\"20-23\") and `notifiedTo` (e.g. \"US Congress\").")
public record SaleNotification(
        @NotBlank @Size(max = 50) String number,
        @Size(max = 200) String notifiedTo) {
}
