package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealStatus;

import java.util.List;

/** The parts of a deal's answer. */
public final class DealParts {

    private DealParts() {
    }

    @Schema(name = "NotificationAge", description = "days since a notification dated to the day, else years")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NotificationAge(Long days, Long years) {
    }

    @Schema(name = "ExpectedDelivery", description = "a delivery a source expects")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExpectedDelivery(String eventId,
                                   @Schema(pattern = Dates.PARTIAL_PATTERN) String statedOn,
                                   @Schema(pattern = Dates.PARTIAL_PATTERN) String dueFrom,
                                   @Schema(pattern = Dates.PARTIAL_PATTERN) String dueBy,
                                   String designation, Integer quantity, String note,
                                   ProvenanceAnswer provenance) {
    }

    @Schema(name = "PossibleStanding", description = "what the deal may already be on the date asked about: a fact "
            + "whose date has begun but may still be ahead would make its status or stage this, from since")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Possibly(DealStatus status, DealStage stage, String standing,
                           @Schema(pattern = Dates.PARTIAL_PATTERN) String since, String eventId,
                           String eventType) {
    }

    @Schema(name = "DealSuccession", description = "a state succession of the deal's supplier or recipient")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Succession(@Schema(description = "supplier or recipient") String role, String predecessor,
                             String successor, @Schema(description = "e.g. CONTINUATION, DISSOLUTION") String kind,
                             @Schema(format = "date") String on) {
    }

    @Schema(name = "SuccessionVia", description = "the predecessor state a deal of a relationship was made with")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Via(String predecessor, String succession, @Schema(format = "date") String on) {
    }

    @Schema(name = "DealRegisterEntry", description = "what the releases of a published register said of the deal")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Register(@Schema(description = "the latest release that lists the deal") String releaseId,
                           @Schema(pattern = Dates.PARTIAL_PATTERN) String releasedOn,
                           @Schema(description = "the row's line in that release's file") int line,
                           @Schema(description = "the row as that release wrote it, by column") JsonNode row,
                           @Schema(description = "false once a release no longer lists the deal") boolean listed,
                           @Schema(description = "the release that no longer lists the deal") String droppedIn,
                           @Schema(description = "each release that stated the deal differently, in release order")
                           List<JsonNode> revisions) {
    }
}
