package org.dyad.ledger.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * What an analyst decided about a draft's proposals.
 *
 * @param accepted the proposals to record, in this order, each with the analyst's edited body if any
 * @param rejected the proposals the analyst would not record, kept with the draft
 */
public record DraftAcceptanceRequest(List<AcceptedProposal> accepted, List<String> rejected) {

    public DraftAcceptanceRequest {
        accepted = accepted == null ? List.of() : accepted;
        rejected = rejected == null ? List.of() : rejected;
    }

    /**
     * @param proposalId the proposal's id in the draft ({@code p1} …)
     * @param body       the body to record instead of the proposal's, as the analyst edited it; absent: as proposed
     */
    public record AcceptedProposal(String proposalId,
                                   @Schema(description = "the edited body; absent to record the proposal as drafted")
                                   ObjectNode body) {
    }
}
