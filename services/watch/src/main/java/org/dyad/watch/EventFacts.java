package org.dyad.watch;

import org.dyad.contracts.common.Estimate;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One event as the watchlists match it: its record as it stands after the event, and what the event changed.
 *
 * @param eventId          the event's id (the same on every redelivery)
 * @param eventName        the event's name, e.g. {@code ContractConcluded}
 * @param time             when Dyad recorded it
 * @param record           the record after the event
 * @param stageChangedTo   the deal's new stage or status, when the event changed it
 * @param statusChangedTo  the agreement's new status, when the event changed it
 * @param estimates        the estimates the event states
 * @param notifiedSale     the event is a {@code SaleNotified}
 */
public record EventFacts(String eventId, String eventName, OffsetDateTime time, WatchedRecord record,
                         String stageChangedTo, String statusChangedTo, List<Estimate> estimates,
                         boolean notifiedSale) {
}
