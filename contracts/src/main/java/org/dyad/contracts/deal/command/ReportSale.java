package org.dyad.contracts.deal.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealTerms;

import java.util.List;

/**
 * Record a reported arms transfer from a supplier to a recipient, at whatever stage the source describes;
 * {@code signedBy}, optional, names the company or state agency that signed it for one of them.
 */
public record ReportSale(
        String dealId,
        String supplier,
        String recipient,
        List<DealItem> items,
        DealStage stage,
        PartialDate reportedOn,
        DealTerms terms,
        Estimate estimate,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        String signedBy) implements DyadCommand {

    /** A report that names no signer. */
    public ReportSale(String dealId, String supplier, String recipient, List<DealItem> items, DealStage stage,
                      PartialDate reportedOn, DealTerms terms, Estimate estimate, Source source, AdmiraltyGrade grade,
                      String recordedBy) {
        this(dealId, supplier, recipient, items, stage, reportedOn, terms, estimate, source, grade, recordedBy, null);
    }

    @Override
    public String targetId() {
        return dealId;
    }
}
