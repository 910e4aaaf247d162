package org.dyad.contracts.deal.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.SaleNotification;

import java.util.List;

/**
 * Record a sale proposed to a legislature (a US 36(b) notification to Congress): a deal at stage NOTIFIED, with the
 * notification's number and date and the estimate it states (usually an estimated total cost, a ceiling).
 */
public record NotifySale(
        String dealId,
        String supplier,
        String recipient,
        List<DealItem> items,
        PartialDate notifiedOn,
        SaleNotification notification,
        Estimate estimate,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) implements DyadCommand {

    @Override
    public String targetId() {
        return dealId;
    }
}
