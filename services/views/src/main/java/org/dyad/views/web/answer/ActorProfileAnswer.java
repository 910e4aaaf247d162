package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.actors.Actor;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;

import java.util.List;
import java.util.Map;

/**
 * An actor's profile ({@code GET /api/v1/actors/{code}/profile}): its deals as supplier and as recipient, top
 * partners, open deals, agreements in force, and the deals it signed as a company or state agency.
 */
@Schema(name = "ActorProfile", description = "an actor's deals as supplier and as recipient, its top partners, open "
        + "deals, agreements in force and, for a company or state agency, the deals it signed")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ActorProfileAnswer(
        Actor actor,
        @Schema(format = "date") String asOf,
        @Schema(format = "date-time") String knownAt,
        @Schema(description = "its deals as supplier") Side asSupplier,
        @Schema(description = "its deals as recipient") Side asRecipient,
        @Schema(description = "its partners with most records, as GET /api/v1/relationships?party= lists them")
        List<PartnerPageAnswer.Partner> topPartners,
        @Schema(description = "the deals it signed for a supplier or recipient (a company's or agency's)")
        List<DealBrief> signedDeals,
        @Schema(description = "its deals not fully delivered, cancelled or superseded") List<DealBrief> openDeals,
        @Schema(description = "the agreements in force for it as a party") List<AgreementInForce> agreementsInForce,
        @Schema(description = "every source the answer names, by key") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {

    /** The deals on one side: counted by stage, their estimates totalled, the partners with most of them. */
    @Schema(name = "ActorProfileSide", description = "the deals on one side counted by stage, their estimates "
            + "totalled and the partners with most of them")
    public record Side(long deals,
                       @Schema(description = "deals by stage") Map<String, Long> byStage,
                       List<EstimateTotalAnswer> estimateTotals,
                       @Schema(description = "deals left out of the totals (cancelled, superseded), counted by status")
                       Map<String, Long> dealsNotTotalled,
                       List<PartnerDeals> topPartners) {
    }

    @Schema(name = "ActorProfilePartner", description = "a partner and the deals with it on this side")
    public record PartnerDeals(String partner, long deals) {
    }

    /** A deal in brief: its parties, standing, report date, items and latest estimates. */
    @Schema(name = "DealBrief", description = "a deal in brief; signedBy only when a company or agency signed it")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DealBrief(String dealId, String supplier, String recipient, String stage, String status,
                            @Schema(pattern = Dates.PARTIAL_PATTERN) String reportedOn,
                            String signedBy,
                            List<DealItem> items,
                            @Schema(description = "the latest estimate of each source")
                            List<EstimateClaimAnswer> latestEstimates) {
    }

    @Schema(name = "AgreementInForce", description = "an agreement in force for the actor, with each party's "
            + "standing")
    public record AgreementInForce(String agreementId, String title, String kind,
                                   @Schema(pattern = Dates.PARTIAL_PATTERN) String signedOn,
                                   List<AgreementAnswer.PartyStanding> parties) {
    }
}
