package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealStatus;
import org.dyad.contracts.deal.DealTerms;
import org.dyad.contracts.deal.SaleNotification;
import org.dyad.contracts.deal.Tranche;

import java.util.List;
import java.util.Map;

/** One deal in full ({@code GET /api/v1/deals/{dealId}}): its state, history, every estimate and their sources. */
@Schema(name = "Deal", description = "one deal with its history, every estimate claimed for it and their sources")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DealAnswer(
        String dealId,
        String supplier,
        String recipient,
        DealStage stage,
        DealStatus status,
        String statusReason,
        @Schema(pattern = Dates.PARTIAL_PATTERN) String statusSince,
        String statusEmbargoId,
        List<DealItem> items,
        DealTerms terms,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String reportedOn,
        @Schema(pattern = Dates.PARTIAL_PATTERN) String notifiedOn,
        SaleNotification notification,
        DealParts.NotificationAge notificationAge,
        @Schema(pattern = Dates.PARTIAL_PATTERN) String negotiationOpenedOn,
        @Schema(pattern = Dates.PARTIAL_PATTERN) String contractedOn,
        @Schema(pattern = Dates.PARTIAL_PATTERN) String deliveredOn,
        List<Tranche> deliveries,
        List<DealParts.ExpectedDelivery> expectedDeliveries,
        String supersededBy,
        DealParts.Possibly possibly,
        String frameworkAgreementId,
        String signedBy,
        DealParts.Register register,
        @Schema(description = "every estimate claimed, in the order recorded") List<EstimateClaimAnswer> estimates,
        @Schema(description = "the latest estimate of each source") List<EstimateClaimAnswer> latestEstimates,
        List<DealParts.Succession> succession,
        @Schema(description = "every event of the deal in valid-time order") List<HistoryEntryAnswer> history,
        @Schema(description = "the deal's version, its ETag") long version,
        @Schema(description = "its sources' keys in sources") List<String> sourceIds,
        @Schema(description = "the deals this one superseded") List<String> supersedes,
        @Schema(description = "every source the answer names, by key") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {
}
