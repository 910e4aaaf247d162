package org.dyad.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.WeaponCategory;
import org.dyad.contracts.embargo.EmbargoMeasure;

import java.util.List;

/**
 * Body of {@code POST /api/v1/embargoes}: who imposed it on whom, from when (and {@code to}, when its end is set),
 * what it forbids ({@code measures}, and {@code categories} when it covers only some weapon categories),
 * {@code scope} in the act's own words and its {@code legalBasis} (e.g. "UN Security Council resolution 1929").
 */
public record ImposeEmbargoRequest(
        @Pattern(regexp = RecordedResponse.ID_PATTERN, message = RecordedResponse.ID_MESSAGE) String id,
        @NotNull @Pattern(regexp = ActorCodes.PATTERN, message = ActorCodes.MESSAGE) String imposedBy,
        @NotNull @Size(min = 1, max = 200) List<@NotNull @Pattern(regexp = ActorCodes.PATTERN,
                message = ActorCodes.MESSAGE) String> targets,
        @NotNull PartialDate from,
        PartialDate to,
        @NotNull @Size(min = 1, max = 10) List<@NotNull EmbargoMeasure> measures,
        @Size(max = 20) List<@NotNull WeaponCategory> categories,
        @Size(max = 2000) String scope,
        @Size(max = 1000) String legalBasis,
        @NotNull @Valid Source source,
        AdmiraltyGrade grade) {
}
