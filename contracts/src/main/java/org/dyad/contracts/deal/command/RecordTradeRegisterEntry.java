package org.dyad.contracts.deal.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealTerms;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.register.RegisterRow;

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
 * @param releaseId   the register release the entry comes from, or {@code null} when none is named; with it, the
 *                    entry's {@code row} as written is kept in a {@code RegisterEntryRecorded} event
 * @param line        the row's line in the imported file
 */
public record RecordTradeRegisterEntry(
        String dealId,
        String supplier,
        String recipient,
        DealItem item,
        DealTerms terms,
        PartialDate orderedOn,
        Tranche delivery,
        PartialDate completedOn,
        PartialDate cancelledOn,
        List<Estimate> estimates,
        String releaseId,
        PartialDate releasedOn,
        int line,
        RegisterRow row,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) implements DyadCommand {

    @Override
    public String targetId() {
        return dealId;
    }
}
