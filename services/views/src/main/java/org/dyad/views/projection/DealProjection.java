package org.dyad.views.projection;

import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.ValidTimeOrder;
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
import org.dyad.contracts.deal.event.RegisterEntryDropped;
import org.dyad.contracts.deal.event.RegisterEntryRecorded;
import org.dyad.contracts.deal.event.RegisterEntryRestated;
import org.dyad.contracts.deal.event.RegisterEntryRevised;
import org.dyad.contracts.deal.event.SaleNotified;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.views.model.EstimateClaim;
import org.dyad.views.model.ExpectedDelivery;
import org.dyad.views.model.HistoryEntry;
import org.dyad.views.projection.DealRows.DealRow;
import org.dyad.views.projection.RelationshipCounts.DealPlace;

import java.time.LocalDate;
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
            .on(SaleNotified.class, DealProjection::on)
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
            .on(FrameworkAgreementLinked.class, DealProjection::on)
            .on(RegisterEntryRecorded.class, DealProjection::on)
            .on(RegisterEntryRevised.class, DealProjection::on)
            .on(RegisterEntryRestated.class, DealProjection::on)
            .on(RegisterEntryDropped.class, DealProjection::on);

    @Override
    public String recordType() {
        return "deal";
    }

    /** Folds a deal's history as it stands now: every fact counts, whatever its date. */
    public static DealView fold(List<HistoryEntry> history, long version) {
        return fold(history, version, null);
    }

    /**
     * Folds a deal's history as of a date, in valid-time order ({@link ValidTimeOrder}); {@code null} if its founding
     * report is not part of it (retracted, or not yet valid on the date asked about). The founding report counts from
     * the first day its date may denote, and the other facts follow it. A fact whose date has surely passed by
     * {@code asOf} counts; one whose date has begun but may still be ahead ("2015" as of 2015-06-01) does not, and if
     * counting it would change the deal's status or stage, the deal says so in {@code possibly}. Estimates count in
     * the order they were recorded, from the first day their date may denote. Register entries (what a release of a
     * published register states) have no date and count in the order they were recorded, whatever the date asked
     * about.
     *
     * @param history the deal's history in recording order, without facts whose date begins after {@code asOf}
     * @param asOf    the date asked about; {@code null} for the present, where every fact counts
     */
    public static DealView fold(List<HistoryEntry> history, long version, LocalDate asOf) {
        HistoryEntry founding = history.stream()
                .filter(h -> !h.retracted() && isFounding(h)).findFirst().orElse(null);
        if (founding == null) {
            return null;
        }
        List<HistoryEntry> lifecycle = ValidTimeOrder.of(history.stream()
                .filter(h -> !h.retracted() && h != founding && !(h.event() instanceof EstimateRecorded)
                        && !isRegisterEntry(h))
                .toList(), HistoryEntry::validOn);
        DealView deal = new DealView();
        DealView possible = asOf == null ? null : new DealView();
        FOLD.apply(founding, deal);
        HistoryEntry possibleChange = null;
        if (possible != null) {
            FOLD.apply(founding, possible);
        }
        for (HistoryEntry entry : lifecycle) {
            if (asOf == null || ValidTimeOrder.surelyBy(entry.validOn(), asOf)) {
                FOLD.apply(entry, deal);
            }
            if (possible != null) {
                String standing = possible.standing();
                FOLD.apply(entry, possible);
                if (ValidTimeOrder.possiblyBy(entry.validOn(), asOf) && !standing.equals(possible.standing())) {
                    possibleChange = entry;
                }
            }
        }
        if (possible != null && possibleChange != null
                && (possible.status != deal.status || possible.stage != deal.stage)) {
            deal.possibly = new DealView.Possibly(possible.status, possible.stage, possible.standing(),
                    possibleChange.validOn(), possibleChange.eventId(), possibleChange.type());
        }
        history.stream().filter(h -> !h.retracted() && h.event() instanceof EstimateRecorded)
                .forEach(h -> FOLD.apply(h, deal));
        history.stream().filter(h -> !h.retracted() && isRegisterEntry(h)).forEach(h -> FOLD.apply(h, deal));
        deal.history = history;
        deal.version = version;
        // Each source's latest report counts, with every figure it gave (a price and its dollar equivalent).
        Map<String, String> latestEvent = new LinkedHashMap<>();
        deal.estimates.forEach(c -> latestEvent.put(c.sourceKey(), c.eventId()));
        deal.latestEstimates = deal.estimates.stream()
                .filter(c -> c.eventId().equals(latestEvent.get(c.sourceKey()))).toList();
        deal.sources = HistoryEntry.sourcesOf(history);
        deal.succession = DealSuccession.of(deal, history.stream().filter(h -> !h.retracted() && h.validOn() != null)
                .map(h -> h.validOn().toString().replace("~", "")).max(String::compareTo).orElse(null));
        return deal;
    }

    /** The event a deal begins with: a report of the sale, or its notification to a legislature. */
    static boolean isFounding(HistoryEntry entry) {
        return entry.event() instanceof SaleReported || entry.event() instanceof SaleNotified;
    }

    /** An event saying what a release of a published register states of the deal. */
    static boolean isRegisterEntry(HistoryEntry entry) {
        return entry.event() instanceof RegisterEntryRecorded || entry.event() instanceof RegisterEntryRevised
                || entry.event() instanceof RegisterEntryRestated || entry.event() instanceof RegisterEntryDropped;
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
        deal.signedBy = e.signedBy();
        for (Estimate estimate : e.estimates()) {
            deal.estimates.add(new EstimateClaim(entry.eventId(), estimate, e.reportedOn(), e.provenance(),
                    entry.original() != null));
        }
    }

    /** A notified sale counts as a reported one (lists, totals, sorting by {@code reportedOn}), at stage NOTIFIED. */
    static void on(SaleNotified e, HistoryEntry entry, DealView deal) {
        deal.dealId = e.dealId();
        deal.supplier = e.supplier();
        deal.recipient = e.recipient();
        deal.stage = DealStage.NOTIFIED;
        deal.status = DealStatus.ACTIVE;
        deal.items = e.items();
        deal.reportedOn = e.notifiedOn();
        deal.notifiedOn = e.notifiedOn();
        deal.notification = e.notification();
        for (Estimate estimate : e.estimates()) {
            deal.estimates.add(new EstimateClaim(entry.eventId(), estimate, e.notifiedOn(), e.provenance(),
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
        if (e.signedBy() != null) {
            deal.signedBy = e.signedBy();
        }
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

    static void on(RegisterEntryRecorded e, HistoryEntry entry, DealView deal) {
        register(deal).listedBy(e.releaseId(), e.releasedOn(), e.line(), e.row());
    }

    static void on(RegisterEntryRevised e, HistoryEntry entry, DealView deal) {
        DealRegister register = register(deal);
        register.listedBy(e.releaseId(), e.releasedOn(), e.line(), e.row());
        register.revisions.add(new DealRegister.Revision(e.releaseId(), e.releasedOn(), e.changes()));
    }

    static void on(RegisterEntryRestated e, HistoryEntry entry, DealView deal) {
        register(deal).listedBy(e.releaseId(), e.releasedOn(), e.line(), e.row());
    }

    static void on(RegisterEntryDropped e, HistoryEntry entry, DealView deal) {
        register(deal).droppedBy(e.releaseId());
    }

    private static DealRegister register(DealView deal) {
        if (deal.register == null) {
            deal.register = new DealRegister();
        }
        return deal.register;
    }

    /** A deal folded from its history, with its rows. */
    record FoldedDeal(DealView deal, RecordRows rows) {
    }

    @Override
    public void rewrite(List<RecordHistory> deals, Set<String> newRecords, BatchWrites batch) {
        rewrite(deals, newRecords, batch, prepare(deals, newRecords));
    }

    /**
     * Folds the deals (each at present and in every span of time) and writes their rows' JSON: most of a batch's
     * own work, needing nothing but the deals' histories. The deals are folded on several threads at once.
     */
    @Override
    public List<FoldedDeal> prepare(List<RecordHistory> deals, Set<String> newRecords) {
        return deals.parallelStream().map(record -> {
            DealView deal = fold(record.history(), record.version());
            boolean isNew = newRecords.contains(record.id());
            RecordRows rows = new RecordRows();
            DealRows.write(rows, record, deal, isNew);
            RegisterListings.write(rows, record, deal, isNew);
            return new FoldedDeal(deal, rows);
        }).toList();
    }

    /** Adds the folded deals' rows to the batch in the deals' order, and moves their pairs' counts. */
    @Override
    @SuppressWarnings("unchecked")
    public void rewrite(List<RecordHistory> deals, Set<String> newRecords, BatchWrites batch, Object prepared) {
        List<FoldedDeal> folded = (List<FoldedDeal>) prepared;
        Map<String, DealRow> before = DealRows.before(batch.tables(),
                deals.stream().map(RecordHistory::id).filter(id -> !newRecords.contains(id)).toList());
        DealRows.order(batch);
        RegisterListings.order(batch);
        for (int i = 0; i < deals.size(); i++) {
            RecordHistory record = deals.get(i);
            DealView deal = folded.get(i).deal();
            batch.addAll(folded.get(i).rows());
            DealRow was = before.get(record.id());
            batch.counts().dealRewritten(was == null ? null : was.place(), deal == null ? null
                    : DealPlace.of(deal.supplier(), deal.recipient(), record.firstValid(), record.lastValid()));
            batch.changed().supersededBy(was == null ? null : was.supersededBy());
            batch.changed().supersededBy(deal == null ? null : deal.supersededBy());
        }
    }
}
