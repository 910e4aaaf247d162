package org.dyad.contracts.deal.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;

import java.util.List;

/**
 * Record that the deal was contracted (ordered), optionally with the contracted items and the company or state
 * agency that signed the contract ({@code signedBy}).
 */
public record ConcludeContract(
        String dealId,
        PartialDate on,
        List<DealItem> items,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        Long expectedVersion,
        String signedBy) implements DyadCommand {

    /** A contract that names no signer. */
    public ConcludeContract(String dealId, PartialDate on, List<DealItem> items, Source source, AdmiraltyGrade grade,
                            String recordedBy, Long expectedVersion) {
        this(dealId, on, items, source, grade, recordedBy, expectedVersion, null);
    }

    @Override
    public String targetId() {
        return dealId;
    }
}
