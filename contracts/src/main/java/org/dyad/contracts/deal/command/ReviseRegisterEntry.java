package org.dyad.contracts.deal.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealTerms;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.register.RegisterFieldChange;
import org.dyad.contracts.register.RegisterRow;

import java.util.List;

/**
 * Revise a deal recorded from a register with what a newer release of the register says of it. Besides the
 * {@code RegisterEntryRevised} event naming the changed cells, the deal's facts read from the row (item, terms,
 * year of order, what was delivered, completion, cancellation, values) are brought in line with the new row: the
 * events that recorded them are corrected, and facts the earlier release did not give are recorded, all with the
 * release as their source.
 *
 * @param row     the row as the new release writes it
 * @param changes the cells that differ from the release before
 * @param line    the row's line in the imported file
 */
public record ReviseRegisterEntry(
        String dealId,
        String releaseId,
        PartialDate releasedOn,
        int line,
        RegisterRow row,
        List<RegisterFieldChange> changes,
        DealItem item,
        DealTerms terms,
        PartialDate orderedOn,
        Tranche delivery,
        PartialDate completedOn,
        PartialDate cancelledOn,
        List<Estimate> estimates,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) implements DyadCommand {

    @Override
    public String targetId() {
        return dealId;
    }
}
