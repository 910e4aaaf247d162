package org.dyad.views.model;

import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;

/**
 * A delivery a source expects on a deal, as the deal's schedule shows it: what is due ({@code designation} and
 * {@code quantity}; absent: the whole outstanding order), in which period ({@code dueFrom} to {@code dueBy}), when the
 * source said so and where it comes from. {@code eventId} is the event that recorded it, for corrections.
 */
public record ExpectedDelivery(String eventId, PartialDate statedOn, PartialDate dueFrom, PartialDate dueBy,
                               String designation, Integer quantity, String note, Provenance provenance) {
}
