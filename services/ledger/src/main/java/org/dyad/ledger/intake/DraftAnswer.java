package org.dyad.ledger.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.intake.FieldEvidence;
import org.dyad.intake.TextKind;
import org.dyad.intake.TextSource;

import java.util.List;
import java.util.Map;

/**
 * A draft as {@code GET /api/v1/intake/drafts/{draftId}} answers it (and its creation and acceptance do): what the
 * engine read in the text ({@link org.dyad.intake.Draft}'s fields) with the draft's id, status, creator and text,
 * and, once accepted, what was recorded and rejected.
 */
@Schema(name = "IntakeDraft", description = "a draft of commands from a text: its kind, source and proposals, and "
        + "once accepted what was recorded and rejected")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DraftAnswer(
        String id,
        @Schema(allowableValues = {IntakeDrafts.DRAFTED, IntakeDrafts.ACCEPTED}) String status,
        String createdBy,
        @Schema(format = "date-time") String createdAt,
        TextKind kind,
        @Schema(description = "how clearly the text showed its kind (0..1); 1 when the analyst named it")
        double kindConfidence,
        @Schema(description = "where the text was published; absent when the request gave no source")
        @JsonInclude(JsonInclude.Include.NON_NULL) TextSource source,
        @Schema(description = "the commands the text supports, as an analyst would post them") List<Proposal> proposals,
        @Schema(description = "the text drafted from") String text,
        @Schema(description = "present once the draft is accepted")
        @JsonInclude(JsonInclude.Include.NON_NULL) Acceptance acceptance) {

    /** One proposed command; fields with nothing in them are left out, as the engine writes them. */
    @Schema(name = "IntakeProposal", description = "one command the text supports: its endpoint, its body, the "
            + "evidence for every field of the body (by JSON pointer) and what the engine could not put in it")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Proposal(
            @Schema(example = "p1") String id,
            @Schema(example = "NotifySale") String command,
            @Schema(description = "method and path; a {placeholder} stays where the analyst must choose a record",
                    example = "POST /api/v1/deals/notifications") String endpoint,
            @Schema(type = "object", description = "exactly the JSON body of that endpoint") ObjectNode body,
            Map<String, FieldEvidence> evidence,
            List<String> notes) {
    }

    /** Who accepted the draft, when, and what that recorded. */
    @Schema(name = "IntakeAcceptance", description = "who accepted the draft and when, the commands recorded and the "
            + "proposals rejected")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Acceptance(String acceptedBy, @Schema(format = "date-time") String acceptedAt,
                             List<Recorded> accepted,
                             @Schema(description = "the ids of the proposals rejected") List<String> rejected) {
    }

    /** An accepted proposal as recorded: the endpoint and body sent, and the command's answer. */
    @Schema(name = "IntakeRecorded", description = "an accepted proposal as recorded: the endpoint and body sent and "
            + "what the command answered")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Recorded(String proposalId,
                           @Schema(example = "POST /api/v1/deals/notifications") String endpoint,
                           @Schema(type = "object") ObjectNode body,
                           @Schema(description = "the analyst changed the drafted body") boolean edited,
                           String recordId, long version, long position, String consistencyToken) {
    }
}
