package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.statement.ClaimedAmount;

import java.util.List;

/** A statement an actor made, with its history. */
@Schema(name = "Statement", description = "what an actor said, to whom, and its history")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementAnswer(
        String statementId,
        String speaker,
        List<String> addressees,
        @Schema(description = "e.g. PLEDGE, PROTEST, DENIAL, CLAIM") String kind,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String madeOn,
        String summary,
        @Schema(description = "the CAMEO event code of the statement") String cameoCode,
        @Schema(description = "the condition a conditional statement sets") String condition,
        @Schema(description = "the deal it is about") String dealId,
        @Schema(description = "the agreement it is about") String agreementId,
        @Schema(description = "an amount it claims") ClaimedAmount claim,
        ProvenanceAnswer provenance,
        List<HistoryEntryAnswer> history,
        long version) {
}
