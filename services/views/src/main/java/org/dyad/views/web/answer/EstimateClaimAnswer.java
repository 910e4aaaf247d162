package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Estimate;

/** A value claimed for a deal by a source. */
@Schema(name = "EstimateClaim", description = "a value claimed for a deal by one source")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EstimateClaimAnswer(
        @Schema(description = "the event that recorded the claim") String eventId,
        Estimate estimate,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String estimatedOn,
        ProvenanceAnswer provenance,
        @Schema(description = "a correction changed the claim since it was recorded") boolean corrected) {
}
