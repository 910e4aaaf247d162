package org.dyad.views.projection;

import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealStatus;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DealResumed;
import org.dyad.contracts.deal.event.DealRevived;
import org.dyad.contracts.deal.event.DealSuperseded;
import org.dyad.contracts.deal.event.DealSuspended;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.DeliveryExpected;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.EstimateRecorded;
import org.dyad.contracts.deal.event.FrameworkAgreementLinked;
import org.dyad.contracts.deal.event.NegotiationOpened;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.views.model.EstimateClaim;
import org.dyad.views.model.ExpectedDelivery;
import org.dyad.views.model.HistoryEntry;
import org.dyad.views.projection.DealRows.DealRow;
import org.dyad.views.projection.RelationshipCounts.DealPlace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the views of deals: the {@link DealView} folded from a deal's history, one {@code on(…)} method per deal
 * event, and its rows ({@link DealRows}: {@code views.deal} and the deal's states over time in
 * {@code views.deal_state}). A rewritten deal moves its pair's counts and, when superseded, changes the answers about
 * the deal that superseded it.
 */
public final class DealProjection implements RecordProjection {

    static final EventHandlers<DealView> FOLD = new EventHandlers<DealView>()
            .on(SaleReported.class, DealProjection::on)
            .on(NegotiationOpened.class, DealProjection::on)
            .on(ContractConcluded.class, DealProjection::on)
            .on(DeliveryRecorded.class, DealProjection::on)
            .on(DeliveryCompleted.class, DealProjection::on)
            .on(DealSuspended.class, DealProjection::on)
            .on(DealResumed.class, DealProjection::on)
            .on(DealCancelled.class, DealProjection::on)
            .on(DealRevived.class, DealProjection::on)
            .on(DealSuperseded.class, DealProjection::on)
            .on(EstimateRecorded.class, DealProjection::on)
            .on(DeliveryExpected.class, DealProjection::on)
            .on(FrameworkAgreementLinked.class, DealProjection::on);

    @Override
    public String recordType() {
        return "deal";
    }

    /**
     * Folds a deal's history; {@code null} if its founding report is not part of it (retracted, or not yet valid on
     * the date asked about). Facts before the founding report count only once it is there.
     */
    public static DealView fold(List<HistoryEntry> history, long version) {
        DealView deal = new DealView();
        for (HistoryEntry entry : history) {
            if (!entry.retracted() && (deal.dealId != null || entry.event() instanceof SaleReported)) {
                FOLD.apply(entry, deal);
            }
        }
        if (deal.dealId == null) {
            return null;
        }
        deal.history = history;
        deal.version = version;
        // Each source's latest report counts, with every figure it gave (a price and its dollar equivalent).
        Map<String, String> latestEvent = new LinkedHashMap<>();
        deal.estimates.forEach(c -> latestEvent.put(c.sourceKey(), c.eventId()));
        deal.latestEstimates = deal.estimates.stream()
                .filter(c -> c.eventId().equals(latestEvent.get(c.sourceKey()))).toList();
        deal.sources = HistoryEntry.sourcesOf(history);
        return deal;
    }

    static void on(SaleReported e, HistoryEntry entry, DealView deal) {
        deal.dealId = e.dealId();
        deal.supplier = e.supplier();
        deal.recipient = e.recipient();
        deal.stage = e.stage();
        deal.status = DealStatus.ACTIVE;
        deal.items = e.items();
        deal.terms = e.terms();
        deal.reportedOn = e.reportedOn();
        for (Estimate estimate : e.estimates()) {
            deal.estimates.add(new EstimateClaim(entry.eventId(), estimate, e.reportedOn(), e.provenance(),
                    entry.original() != null));
        }
    }

    static void on(NegotiationOpened e, HistoryEntry entry, DealView deal) {
        deal.stage = DealStage.NEGOTIATING;
        deal.negotiationOpenedOn = e.on();
    }

    static void on(ContractConcluded e, HistoryEntry entry, DealView deal) {
        deal.stage = DealStage.CONTRACTED;
        deal.contractedOn = e.on();
        if (e.items() != null) {
            deal.items = e.items();
        }
    }

    static void on(DeliveryRecorded e, HistoryEntry entry, DealView deal) {
        deal.stage = DealStage.DELIVERING;
        deal.deliveries.add(e.tranche());
    }

    static void on(DeliveryCompleted e, HistoryEntry entry, DealView deal) {
        deal.stage = DealStage.DELIVERED;
        deal.deliveredOn = e.on();
    }

    static void on(DealSuspended e, HistoryEntry entry, DealView deal) {
        deal.status(DealStatus.SUSPENDED, e.reason(), e.on());
        deal.statusEmbargoId = e.embargoId();
    }

    static void on(DealResumed e, HistoryEntry entry, DealView deal) {
        deal.status(DealStatus.ACTIVE, null, e.on());
    }

    static void on(DealCancelled e, HistoryEntry entry, DealView deal) {
        deal.status(DealStatus.CANCELLED, e.reason(), e.on());
        deal.statusEmbargoId = e.embargoId();
    }

    static void on(DealRevived e, HistoryEntry entry, DealView deal) {
        deal.status(DealStatus.ACTIVE, null, e.on());
        deal.stage = e.stage();
    }

    static void on(DealSuperseded e, HistoryEntry entry, DealView deal) {
        deal.status(DealStatus.SUPERSEDED, null, e.on());
        deal.supersededBy = e.supersededBy();
    }

    static void on(EstimateRecorded e, HistoryEntry entry, DealView deal) {
        deal.estimates.add(new EstimateClaim(entry.eventId(), e.estimate(), e.estimatedOn(), e.provenance(),
                entry.original() != null));
    }

    static void on(DeliveryExpected e, HistoryEntry entry, DealView deal) {
        deal.expectedDeliveries.add(new ExpectedDelivery(entry.eventId(), e.statedOn(), e.dueFrom(), e.dueBy(),
                e.designation(), e.quantity(), e.note(), e.provenance()));
    }

    static void on(FrameworkAgreementLinked e, HistoryEntry entry, DealView deal) {
        deal.frameworkAgreementId = e.agreementId();
    }

    @Override
    public void rewrite(List<RecordHistory> deals, Set<String> newRecords, BatchWrites batch) {
        Map<String, DealRow> before = DealRows.before(batch.tables(),
                deals.stream().map(RecordHistory::id).filter(id -> !newRecords.contains(id)).toList());
        for (RecordHistory record : deals) {
            DealView deal = fold(record.history(), record.version());
            DealRows.write(batch, record, deal);
            DealRow was = before.get(record.id());
            batch.counts().dealRewritten(was == null ? null : was.place(), deal == null ? null
                    : DealPlace.of(deal.supplier(), deal.recipient(), record.firstValid(), record.lastValid()));
            batch.changed().supersededBy(was == null ? null : was.supersededBy());
            batch.changed().supersededBy(deal == null ? null : deal.supersededBy());
        }
    }
}
