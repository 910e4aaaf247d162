package org.dyad.views.model;

import org.dyad.contracts.common.DyadEvent;

import java.time.Instant;

/**
 * One event as the views keep it in {@code views.event_log}: the event itself and where it sits.
 *
 * @param type the event's name, e.g. {@code SaleReported}
 */
public record LoggedFact(String eventId, String aggregateId, long sequence, long position, String type,
                           Instant recordedAt, DyadEvent event) {
}
