package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.agreement.Lineage;

import java.time.LocalDate;
import java.util.List;

/** An agreement's document: its state, each party's standing, its milestones and history. */
@Schema(name = "Agreement", description = "an agreement with each party's standing, its milestones and history")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreementAnswer(
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
        PossibleStatus possibly,
        @Schema(description = "the actors it concerns without being parties") List<String> concerning,
        List<Milestone> milestones,
        List<HistoryEntryAnswer> history,
        @Schema(description = "the agreement's version, its ETag") long version,
        List<PartyStanding> parties,
        @Schema(description = "its sources' keys in the answer's sources") List<String> sourceIds,
        @Schema(description = "in a relationship's agreements: the predecessor state it was made with")
        DealParts.Via via) {

    /** What the agreement or a party may already be on the date asked about, from {@code since}. */
    @Schema(name = "PossibleStatus", description = "what the agreement or party may already be on the date asked "
            + "about: a fact whose date has begun but may still be ahead would make it this, from since")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PossibleStatus(String status, @Schema(pattern = Dates.PARTIAL_PATTERN) String since) {
    }

    @Schema(name = "AgreementMilestone", description = "a step of an agreement's implementation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Milestone(String eventId, String kind, @Schema(pattern = Dates.PARTIAL_PATTERN) String on,
                            String party, String provisions, String note, ProvenanceAnswer provenance) {
    }

    /** One party's standing: its status and the dates of its steps, or how it took the place of a predecessor. */
    @Schema(name = "PartyStanding", description = "one party's status and the dates of its steps; by, from, "
            + "succession and since when it stands by state succession, endedOn and succeededBy when it ceased to "
            + "exist")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartyStanding(
            String party,
            @Schema(description = "e.g. SIGNED, CONSENTED, IN_FORCE, SUSPENDED, WITHDRAWN, RENOUNCED") String status,
            @Schema(pattern = Dates.PARTIAL_PATTERN) String signedOn,
            String consentMeans,
            @Schema(pattern = Dates.PARTIAL_PATTERN) String consentedOn,
            @Schema(pattern = Dates.PARTIAL_PATTERN) String inForceOn,
            @Schema(pattern = Dates.PARTIAL_PATTERN) String suspendedOn,
            @Schema(pattern = Dates.PARTIAL_PATTERN) String withdrawalNoticeOn,
            @Schema(pattern = Dates.PARTIAL_PATTERN) String withdrawalEffectiveOn,
            @Schema(pattern = Dates.PARTIAL_PATTERN) String renouncedOn,
            String reason,
            PossibleStatus possibly,
            String by,
            String from,
            String succession,
            LocalDate since,
            LocalDate endedOn,
            @Schema(description = "for a predecessor that ceased to exist: the parties that took its place")
            List<String> succeededBy) {
    }
}
