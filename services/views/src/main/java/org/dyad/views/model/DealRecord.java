package org.dyad.views.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealStatus;
import org.dyad.contracts.deal.DealTerms;
import org.dyad.contracts.deal.Tranche;
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
import org.dyad.contracts.deal.event.SaleReported;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A deal as the views show it, folded from its history. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class DealRecord {

    private String dealId;
    private String supplier;
    private String recipient;
    private DealStage stage;
    private DealStatus status;
    private String statusReason;
    private PartialDate statusSince;
    private List<DealItem> items = List.of();
    private DealTerms terms;
    private PartialDate reportedOn;
    private PartialDate negotiationOpenedOn;
    private PartialDate contractedOn;
    private PartialDate deliveredOn;
    private final List<Tranche> deliveries = new ArrayList<>();
    private String supersededBy;
    private final List<EstimateClaim> estimates = new ArrayList<>();
    private List<EstimateClaim> latestEstimates = List.of();
    private List<Source> sources = List.of();
    private List<HistoryEntry> history = List.of();
    private long version;

    /** Folds a deal's history; {@code null} if its founding report is not part of it (retracted or not yet valid). */
    public static DealRecord fold(List<HistoryEntry> history, long version) {
        DealRecord deal = new DealRecord();
        for (HistoryEntry entry : history) {
            if (!entry.retracted()) {
                deal.apply(entry);
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

    private void apply(HistoryEntry entry) {
        Object event = entry.event();
        if (event instanceof SaleReported e) {
            dealId = e.dealId();
            supplier = e.supplier();
            recipient = e.recipient();
            stage = e.stage();
            status = DealStatus.ACTIVE;
            items = e.items();
            terms = e.terms();
            reportedOn = e.reportedOn();
            for (Estimate estimate : e.estimates()) {
                estimates.add(new EstimateClaim(entry.eventId(), estimate, e.reportedOn(), e.provenance(),
                        entry.original() != null));
            }
        } else if (dealId == null) {
            return; // facts about a deal whose founding report is not (yet) part of the answer
        } else if (event instanceof NegotiationOpened e) {
            stage = DealStage.NEGOTIATING;
            negotiationOpenedOn = e.on();
        } else if (event instanceof ContractConcluded e) {
            stage = DealStage.CONTRACTED;
            contractedOn = e.on();
            if (e.items() != null) {
                items = e.items();
            }
        } else if (event instanceof DeliveryRecorded e) {
            stage = DealStage.DELIVERING;
            deliveries.add(e.tranche());
        } else if (event instanceof DeliveryCompleted e) {
            stage = DealStage.DELIVERED;
            deliveredOn = e.on();
        } else if (event instanceof DealSuspended e) {
            status(DealStatus.SUSPENDED, e.reason(), e.on());
        } else if (event instanceof DealResumed e) {
            status(DealStatus.ACTIVE, null, e.on());
        } else if (event instanceof DealCancelled e) {
            status(DealStatus.CANCELLED, e.reason(), e.on());
        } else if (event instanceof DealRevived e) {
            status(DealStatus.ACTIVE, null, e.on());
            stage = e.stage();
        } else if (event instanceof DealSuperseded e) {
            status(DealStatus.SUPERSEDED, null, e.on());
            supersededBy = e.supersededBy();
        } else if (event instanceof EstimateRecorded e) {
            estimates.add(new EstimateClaim(entry.eventId(), e.estimate(), e.estimatedOn(), e.provenance(),
                    entry.original() != null));
        }
    }

    private void status(DealStatus status, String reason, PartialDate since) {
        this.status = status;
        this.statusReason = reason;
        this.statusSince = since;
    }

    /** The deal's standing: its stage while it is active, else its status (suspended, cancelled, superseded). */
    public String standing() {
        return standing(status.name(), stage.name());
    }

    /** A deal's standing from its status and stage as written in its document. */
    public static String standing(String status, String stage) {
        return DealStatus.ACTIVE.name().equals(status) ? stage : status;
    }

    /** Not yet fully delivered, and neither cancelled nor superseded (a suspended deal is still pending). */
    public boolean pending() {
        return stage.isOpen() && (status == DealStatus.ACTIVE || status == DealStatus.SUSPENDED);
    }

    /** SIPRI and UN Register categories of the items, for filtering. */
    public List<String> categories() {
        List<String> categories = new ArrayList<>();
        for (DealItem item : items) {
            if (item.category() != null) {
                categories.add(item.category().name());
            }
            if (item.unCategory() != null) {
                categories.add(item.unCategory().name());
            }
        }
        return categories.stream().distinct().toList();
    }

    /** Designations and descriptions in lower case, for substring search. */
    public String designations() {
        StringBuilder text = new StringBuilder();
        for (DealItem item : items) {
            text.append(item.designation()).append(' ');
            if (item.description() != null) {
                text.append(item.description()).append(' ');
            }
        }
        return text.toString().trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The most recently recorded of the latest estimates, or {@code null}. */
    public Estimate latestValue() {
        return latest(estimate -> true);
    }

    /** The most recently recorded SIPRI trend-indicator value among the latest estimates, or {@code null}. */
    public BigDecimal latestTiv() {
        Estimate tiv = latest(estimate -> "TIV".equals(estimate.currency()));
        return tiv == null ? null : tiv.upperBound();
    }

    private Estimate latest(Predicate<Estimate> which) {
        return latestEstimates.stream().filter(c -> which.test(c.estimate()))
                .max((a, b) -> a.provenance().recordedAt().compareTo(b.provenance().recordedAt()))
                .map(EstimateClaim::estimate).orElse(null);
    }

    public int sourceCount() {
        return sources.size();
    }

    public String dealId() {
        return dealId;
    }

    public String supplier() {
        return supplier;
    }

    public String recipient() {
        return recipient;
    }

    public DealStage stage() {
        return stage;
    }

    public DealStatus status() {
        return status;
    }

    public PartialDate reportedOn() {
        return reportedOn;
    }

    public String supersededBy() {
        return supersededBy;
    }

    public List<EstimateClaim> estimates() {
        return estimates;
    }

    public List<EstimateClaim> latestEstimates() {
        return latestEstimates;
    }

    public List<HistoryEntry> history() {
        return history;
    }

    public long version() {
        return version;
    }
}
