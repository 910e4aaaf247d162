package org.dyad.watch;

import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementExpired;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.AgreementTerminated;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DealResumed;
import org.dyad.contracts.deal.event.DealRevived;
import org.dyad.contracts.deal.event.DealSuperseded;
import org.dyad.contracts.deal.event.DealSuspended;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.EstimateRecorded;
import org.dyad.contracts.deal.event.NegotiationOpened;
import org.dyad.contracts.deal.event.SaleNotified;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.wire.PublishedEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Follows a record through its events: answers what an event changed and the record after it. Stage changes are a
 * deal's stages ({@link DealStage}) and the status changes {@code SUSPENDED}, {@code RESUMED}, {@code CANCELLED} and
 * {@code SUPERSEDED}; a delivery changes the stage to {@code DELIVERING} only the first time. An agreement's status
 * changes when it is signed, enters into force, expires or is terminated.
 */
public final class RecordTracker {

    /** Values a stage-change criterion may name: the deal's stages and the status changes. */
    public static final Set<String> STAGE_CHANGES;

    static {
        Set<String> values = new LinkedHashSet<>();
        for (DealStage stage : DealStage.values()) {
            values.add(stage.name());
        }
        values.addAll(List.of("SUSPENDED", "RESUMED", "CANCELLED", "SUPERSEDED"));
        STAGE_CHANGES = Collections.unmodifiableSet(values);
    }

    private RecordTracker() {
    }

    /** The kind of record an event type belongs to: {@code org.dyad.deal.SaleReported.v2} → {@code deal}. */
    static String kindOf(String type) {
        String[] parts = type.split("\\.");
        return parts.length > 2 ? parts[2] : type;
    }

    /** The event's name: {@code org.dyad.deal.SaleReported.v2} → {@code SaleReported}. */
    static String nameOf(String type) {
        String[] parts = type.split("\\.");
        return parts.length > 3 ? parts[3] : type;
    }

    /** What {@code event} changed in {@code before} (null: the record's first event read). */
    public static EventFacts follow(WatchedRecord before, PublishedEvent event) {
        WatchedRecord record = before != null ? before : WatchedRecord.first(event.aggregateId(), kindOf(event.type()));
        Object payload = event.payload();
        String supplier = record.supplier();
        String recipient = record.recipient();
        List<String> designations = new ArrayList<>(record.designations());
        List<String> categories = new ArrayList<>(record.categories());
        Set<String> actors = new LinkedHashSet<>(record.actors());
        if (payload instanceof DyadEvent dyadEvent) {
            actors.addAll(dyadEvent.actors());
        }
        String stage = record.stage();
        String status = record.status();
        String stageChange = null;
        String statusChange = null;
        List<Estimate> estimates = List.of();
        boolean notified = false;
        if (payload instanceof SaleReported e) {
            supplier = e.supplier();
            recipient = e.recipient();
            addItems(e.items(), designations, categories);
            stage = e.stage() == null ? DealStage.REPORTED.name() : e.stage().name();
            status = "ACTIVE";
            estimates = e.estimates();
        } else if (payload instanceof SaleNotified e) {
            supplier = e.supplier();
            recipient = e.recipient();
            addItems(e.items(), designations, categories);
            stage = DealStage.NOTIFIED.name();
            status = "ACTIVE";
            estimates = e.estimates();
            notified = true;
        } else if (payload instanceof EstimateRecorded e) {
            estimates = e.estimate() == null ? List.of() : List.of(e.estimate());
        } else if (payload instanceof ContractConcluded e) {
            addItems(e.items(), designations, categories);
            stageChange = DealStage.CONTRACTED.name();
        } else if (payload instanceof NegotiationOpened) {
            stageChange = DealStage.NEGOTIATING.name();
        } else if (payload instanceof DeliveryRecorded) {
            if (!DealStage.DELIVERING.name().equals(stage) && !DealStage.DELIVERED.name().equals(stage)) {
                stageChange = DealStage.DELIVERING.name();
            }
        } else if (payload instanceof DeliveryCompleted) {
            stageChange = DealStage.DELIVERED.name();
        } else if (payload instanceof DealRevived e) {
            status = "ACTIVE";
            stageChange = e.stage() != null ? e.stage().name() : "RESUMED";
        } else if (payload instanceof DealSuspended) {
            stageChange = "SUSPENDED";
        } else if (payload instanceof DealResumed) {
            stageChange = "RESUMED";
        } else if (payload instanceof DealCancelled) {
            stageChange = "CANCELLED";
        } else if (payload instanceof DealSuperseded) {
            stageChange = "SUPERSEDED";
        } else if (payload instanceof AgreementSigned) {
            statusChange = "SIGNED";
        } else if (payload instanceof AgreementEnteredIntoForce) {
            statusChange = "IN_FORCE";
        } else if (payload instanceof AgreementExpired) {
            statusChange = "EXPIRED";
        } else if (payload instanceof AgreementTerminated) {
            statusChange = "TERMINATED";
        }
        if (stageChange != null) {
            if (Set.of("SUSPENDED", "CANCELLED", "SUPERSEDED").contains(stageChange)) {
                status = stageChange;
            } else if ("RESUMED".equals(stageChange)) {
                status = "ACTIVE";
            } else {
                stage = stageChange;
            }
        }
        if (statusChange != null) {
            status = statusChange;
        }
        WatchedRecord after = new WatchedRecord(record.recordId(), record.kind(), supplier, recipient,
                List.copyOf(actors), List.copyOf(designations), List.copyOf(categories), stage, status,
                event.sequence());
        return new EventFacts(event.id(), nameOf(event.type()), event.time(), after, stageChange, statusChange,
                estimates.stream().filter(Objects::nonNull).toList(), notified);
    }

    private static void addItems(List<DealItem> items, List<String> designations, List<String> categories) {
        if (items == null) {
            return;
        }
        for (DealItem item : items) {
            if (item.designation() != null && !designations.contains(item.designation())) {
                designations.add(item.designation());
            }
            if (item.category() != null && !categories.contains(item.category().name())) {
                categories.add(item.category().name());
            }
        }
    }
}
