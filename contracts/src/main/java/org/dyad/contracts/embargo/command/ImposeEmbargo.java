package org.dyad.contracts.embargo.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.WeaponCategory;
import org.dyad.contracts.embargo.EmbargoMeasure;

import java.util.List;

/**
 * Record an embargo or sanctions regime: who imposed it on whom, from when (and until when, if its end is set), what
 * it forbids and on what legal basis (e.g. "UN Security Council resolution 1929").
 */
public record ImposeEmbargo(
        String embargoId,
        String imposedBy,
        List<String> targets,
        PartialDate from,
        PartialDate to,
        List<EmbargoMeasure> measures,
        List<WeaponCategory> categories,
        String scope,
        String legalBasis,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) implements DyadCommand {

    @Override
    public String targetId() {
        return embargoId;
    }
}
