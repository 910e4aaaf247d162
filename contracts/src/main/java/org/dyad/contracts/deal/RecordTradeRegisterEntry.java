package org.dyad.contracts.deal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

import java.util.List;

/**
 * Record one entry of an arms-transfer register (a SIPRI trade-register row): an order with what is known of its
 * deliveries, completion, cancellation and value, as one deal. It becomes the same events as the separate commands
 * would ({@code SaleReported}, {@code DeliveryRecorded}, {@code DeliveryCompleted}, {@code DealCancelled}),
 * recorded together.
 *
 * @param delivery    what was delivered, or {@code null}
 * @param completedOn when everything ordered had been delivered, or {@code null}
 * @param cancelledOn when the register notes a cancellation (as closely as it dates it), or {@code null}
 * @param estimates   values claimed for the deal, all recorded with the report
 */
public record RecordTradeRegisterEntry(
        @TargetAggregateIdentifier String dealId,
        String supplier,
        String recipient,
        DealItem item,
        DealTerms terms,
        PartialDate orderedOn,
        Tranche delivery,
        PartialDate completedOn,
        PartialDate cancelledOn,
        List<Estimate> estimates,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) {
}
