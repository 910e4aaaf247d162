package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;

import java.util.List;
import java.util.Map;

/** What is on record between two actors ({@code GET /api/v1/relationships/{a}/{b}}). */
@Schema(name = "Relationship", description = "what is on record between two actors: agreements, deals both ways "
        + "(counted, totalled, one page of them), statements, embargoes in force, and the latest timeline entries")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RelationshipAnswer(
        @Schema(description = "the two actor codes in code order") List<String> parties,
        @Schema(format = "date") String asOf,
        @Schema(format = "date-time") String knownAt,
        List<AgreementAnswer> agreements,
        long dealsTotal,
        @Schema(description = "deals not fully delivered, cancelled or superseded") long dealsPending,
        int dealsPage,
        int dealsSize,
        @Schema(description = "one page of the pair's deals, earliest report first") List<DealSummaryAnswer> deals,
        @Schema(description = "deals made with a predecessor state of one of the parties")
        List<DealSummaryAnswer> dealsBySuccession,
        @Schema(description = "per direction (\"RUS->IRN\"), the deals counted by standing (stage while active, "
                + "else status)")
        Map<String, Map<String, Long>> dealsByDirection,
        List<StatementAnswer> statements,
        @Schema(description = "the embargoes in force between the two, each as GET /api/v1/embargoes/{id} answers "
                + "it")
        List<EmbargoAnswer> embargoes,
        List<EstimateTotalAnswer> estimateTotals,
        @Schema(description = "deals left out of the totals (cancelled, superseded), counted by status")
        Map<String, Long> dealsNotTotalled,
        @Schema(pattern = Dates.PARTIAL_PATTERN) String firstEventOn,
        @Schema(pattern = Dates.PARTIAL_PATTERN) String lastEventOn,
        @Schema(description = "the latest entries of the pair's timeline") List<TimelineEntryAnswer> timeline,
        @Schema(description = "the entries of the pair's whole timeline") long timelineTotal,
        @Schema(description = "every source the answer names, by key") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {
}
