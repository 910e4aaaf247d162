package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealStatus;
import org.dyad.contracts.deal.DealTerms;
import org.dyad.contracts.deal.SaleNotification;
import org.dyad.contracts.deal.Tranche;

import java.util.List;

/**
 * A deal as lists and relationships answer it: the deal without its history and every claim of its estimates
 * ({@link DealAnswer} has them), with the first and last dates of its facts.
 */
@Schema(name = "DealSummary", description = "a deal without its history and every estimate claimed; "
        + "GET /api/v1/deals/{dealId} answers it in full")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DealSummaryAnswer(
        String dealId,
        String supplier,
        String recipient,
        DealStage stage,
        DealStatus status,
        String statusReason,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String statusSince,
        @Schema(description = "the embargo the suspension or cancellation in effect cites") String statusEmbargoId,
        List<DealItem> items,
        DealTerms terms,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String reportedOn,
        @Schema(description = "a sale notified to a legislature: the notification's date",
                pattern = Dates.PARTIAL_PATTERN) String notifiedOn,
        SaleNotification notification,
        @Schema(description = "how long a deal at stage NOTIFIED has stood notified")
        DealParts.NotificationAge notificationAge,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String negotiationOpenedOn,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String contractedOn,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String deliveredOn,
        List<Tranche> deliveries,
        @Schema(description = "the deliveries sources expect, in the order they said so")
        List<DealParts.ExpectedDelivery> expectedDeliveries,
        String supersededBy,
        DealParts.Possibly possibly,
        @Schema(description = "the framework agreement the deal implements") String frameworkAgreementId,
        @Schema(description = "the company or agency that signed for the supplier or recipient") String signedBy,
        @Schema(description = "what the releases of a published register (SIPRI's) said of the deal")
        DealParts.Register register,
        @Schema(description = "the latest estimate of each source") List<EstimateClaimAnswer> latestEstimates,
        @Schema(description = "where the supplier or recipient changed by state succession while the deal ran")
        List<DealParts.Succession> succession,
        @Schema(description = "the deal's version, its ETag") long version,
        @Schema(description = "the earliest date of its facts, '~' dropped") String firstValidOn,
        @Schema(description = "the latest date of its facts, '~' dropped") String lastValidOn,
        @Schema(description = "its sources' keys in the answer's sources") List<String> sourceIds,
        @Schema(description = "the deals this one superseded") List<String> supersedes,
        @Schema(description = "in a relationship's dealsBySuccession: the predecessor state it was made with")
        DealParts.Via via) {
}
