package org.dyad.contracts.deal.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.Source;

/** Record that the deal implements a framework agreement on record (e.g. the contract an intergovernmental agreement provided for). */
public record LinkFramework(
        String dealId,
        String agreementId,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        Long expectedVersion) implements DyadCommand {

    @Override
    public String targetId() {
        return dealId;
    }
}
