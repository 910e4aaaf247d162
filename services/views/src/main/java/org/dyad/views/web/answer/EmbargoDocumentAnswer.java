package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.WeaponCategory;
import org.dyad.contracts.embargo.EmbargoMeasure;
import org.dyad.contracts.embargo.EmbargoStatus;

import java.util.List;
import java.util.Map;

/**
 * One embargo ({@code GET /api/v1/embargoes/{embargoId}}): its document ({@link EmbargoAnswer}) with the sources and
 * actor names it names.
 */
@Schema(name = "EmbargoDocument", description = "one embargo with its status on the date asked about, its history, "
        + "its sources and the names of the actors it names")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbargoDocumentAnswer(
        String embargoId,
        @Schema(description = "the state or organisation that imposed it") String imposedBy,
        List<String> targets,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String from,
        @Schema(description = "the end it was set to have", pattern = Dates.PARTIAL_PATTERN) String to,
        List<EmbargoMeasure> measures,
        @Schema(description = "the categories of weapons it covers") List<WeaponCategory> categories,
        String scope,
        String legalBasis,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String liftedOn,
        String liftReason,
        @Schema(description = "its status on the date asked about") EmbargoStatus status,
        @Schema(description = "the status it may already have on that date, when the date lies inside an imprecise "
                + "start, lifting or end") EmbargoStatus possibly,
        ProvenanceAnswer provenance,
        @Schema(description = "every event of the embargo in valid-time order") List<HistoryEntryAnswer> history,
        @Schema(description = "the embargo's version, its ETag") long version,
        @Schema(description = "every source the answer names, by key") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {
}
