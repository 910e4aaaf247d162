package org.dyad.contracts.deal.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/**
 * Record a delivery a source expects: on {@code statedOn} it said that {@code quantity} of {@code designation} (the
 * whole outstanding order when absent) is due between {@code dueFrom} and {@code dueBy} ("the remaining units are
 * due within two years").
 */
public record ExpectDelivery(
        String dealId,
        PartialDate statedOn,
        PartialDate dueFrom,
        PartialDate dueBy,
        String designation,
        Integer quantity,
        String note,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        Long expectedVersion) implements DyadCommand {

    @Override
    public String targetId() {
        return dealId;
    }
}
