package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.agreement.Lineage;
import org.dyad.contracts.common.Source;

import java.util.List;
import java.util.Map;

/**
 * One agreement ({@code GET /api/v1/agreements/{agreementId}}): its document ({@link AgreementAnswer}) with the deals
 * implementing it, and the sources and actor names it names.
 */
@Schema(name = "AgreementDocument", description = "one agreement with the deals implementing it, its sources and "
        + "the names of the actors it names")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreementDocumentAnswer(
        String agreementId,
        String title,
        @Schema(description = "e.g. AGREEMENT, TREATY, MEMORANDUM") String kind,
        List<String> subjects,
        Boolean binding,
        boolean secret,
        @Schema(pattern = Dates.PARTIAL_PATTERN) String disclosedOn,
        @Schema(description = "the agreement it amends, replaces or extends") Lineage lineage,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String signedOn,
        String place,
        @Schema(pattern = Dates.PARTIAL_PATTERN) String expiresOn,
        @Schema(description = "e.g. SIGNED, IN_FORCE, SUSPENDED, TERMINATED, EXPIRED") String status,
        @Schema(pattern = Dates.PARTIAL_PATTERN) String enteredIntoForceOn,
        @Schema(pattern = Dates.PARTIAL_PATTERN) String endedOn,
        AgreementAnswer.PossibleStatus possibly,
        @Schema(description = "the actors it concerns without being parties") List<String> concerning,
        List<AgreementAnswer.Milestone> milestones,
        List<HistoryEntryAnswer> history,
        @Schema(description = "the agreement's version, its ETag") long version,
        List<AgreementAnswer.PartyStanding> parties,
        @Schema(description = "its sources' keys in sources") List<String> sourceIds,
        @Schema(description = "the deals implementing it as their framework agreement") List<String> implementingDeals,
        @Schema(description = "every source the answer names, by key") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {
}
