package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;

import java.util.List;
import java.util.Map;

/** A page of deals ({@code GET /api/v1/deals}), with the estimate totals over every deal the filter selects. */
@Schema(name = "DealPage", description = "a page of the deals the filter selects, with estimate totals over all "
        + "of them")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DealPageAnswer(
        List<DealSummaryAnswer> items,
        int page,
        int size,
        @Schema(description = "the deals on every page") long total,
        @Schema(description = "over every deal selected, not only this page") List<EstimateTotalAnswer> estimateTotals,
        @Schema(description = "deals left out of the totals (cancelled, superseded), counted by status")
        Map<String, Long> dealsNotTotalled,
        @Schema(description = "every source the answer names, by key") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {
}
