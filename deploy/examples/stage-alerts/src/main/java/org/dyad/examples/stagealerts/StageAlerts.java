package org.dyad.examples.stagealerts;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealStatus;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DealResumed;
import org.dyad.contracts.deal.event.DealRevived;
import org.dyad.contracts.deal.event.DealSuperseded;
import org.dyad.contracts.deal.event.DealSuspended;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.NegotiationOpened;
import org.dyad.contracts.deal.event.SaleNotified;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.subscriber.DyadEventDispatcher;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Alerts when a deal for a watched designation changes stage or status. A deal is watched when one of its items'
 * designations contains the watched text, ignoring case ("s-300" watches "S-300PMU1").
 * <p>
 * It learns a deal's designations from its {@code SaleReported} (and {@code ContractConcluded}, whose items replace
 * the reported ones), so it has to read the deal from its first event: it keeps deals in memory only, and ignores
 * events of deals it did not see reported. Thread-safe.
 */
public final class StageAlerts {

    /** Where a deal stands: how far it has come, and whether it is going ahead. */
    public record Standing(DealStage stage, DealStatus status) {

        public Standing {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(status, "status");
        }

        Standing at(DealStage newStage) {
            return new Standing(newStage, status);
        }

        Standing with(DealStatus newStatus) {
            return new Standing(stage, newStatus);
        }

        @Override
        public String toString() {
            return status == DealStatus.ACTIVE ? stage.name() : stage + " (" + status + ")";
        }
    }

    /**
     * A watched deal changed standing.
     *
     * @param designation the deal's designation that matched
     * @param on          when it happened in the world, as the source dates it
     * @param publisher   who reported it
     */
    public record Alert(String dealId, String designation, Standing from, Standing to, PartialDate on,
                        String publisher) {

        /** One line for people, e.g. {@code S-300PMU1 deal rus-irn-s300: NEGOTIATING -> CONTRACTED on 2007-12 ...}. */
        public String describe() {
            return designation + " deal " + dealId + ": " + from + " -> " + to + " on " + on
                    + (publisher == null ? "" : " (" + publisher + ")");
        }
    }

    private static final class Deal {
        List<String> designations;
        Standing standing;

        Deal(List<String> designations, Standing standing) {
            this.designations = designations;
            this.standing = standing;
        }
    }

    private final String watched;
    private final Consumer<Alert> alerts;
    private final Map<String, Deal> deals = new HashMap<>();

    /**
     * @param designation the text to watch for in designations, e.g. {@code S-300}
     * @param alerts      receives each alert, in the order of the deal's events
     */
    public StageAlerts(String designation, Consumer<Alert> alerts) {
        if (designation == null || designation.isBlank()) {
            throw new IllegalArgumentException("a designation to watch is required");
        }
        this.watched = designation.strip().toLowerCase(Locale.ROOT);
        this.alerts = Objects.requireNonNull(alerts, "alerts");
    }

    /** Registers the handlers this needs on the dispatcher, and returns it. */
    public DyadEventDispatcher registerOn(DyadEventDispatcher dispatcher) {
        return dispatcher
                .on(SaleReported.class, (e, event) -> reported(e))
                .on(SaleNotified.class, (e, event) -> notified(e))
                .on(NegotiationOpened.class, (e, event) -> changed(e, s -> s.at(DealStage.NEGOTIATING), List.of()))
                .on(ContractConcluded.class, (e, event) -> contracted(e))
                .on(DeliveryRecorded.class, (e, event) -> changed(e, s -> s.at(DealStage.DELIVERING), List.of()))
                .on(DeliveryCompleted.class, (e, event) -> changed(e, s -> s.at(DealStage.DELIVERED), List.of()))
                .on(DealSuspended.class, (e, event) -> changed(e, s -> s.with(DealStatus.SUSPENDED), List.of()))
                .on(DealResumed.class, (e, event) -> changed(e, s -> s.with(DealStatus.ACTIVE), List.of()))
                .on(DealCancelled.class, (e, event) -> changed(e, s -> s.with(DealStatus.CANCELLED), List.of()))
                .on(DealRevived.class, (e, event) -> changed(e,
                        s -> new Standing(e.stage() == null ? s.stage() : e.stage(), DealStatus.ACTIVE), List.of()))
                .on(DealSuperseded.class, (e, event) -> changed(e, s -> s.with(DealStatus.SUPERSEDED), List.of()));
    }

    private synchronized void reported(SaleReported e) {
        // A sale is reported at a stage already; it is where the deal starts, not a change
        deals.put(e.dealId(), new Deal(designations(e.items()),
                new Standing(e.stage() == null ? DealStage.REPORTED : e.stage(), DealStatus.ACTIVE)));
    }

    private synchronized void notified(SaleNotified e) {
        // A sale notified to a legislature starts at NOTIFIED
        deals.put(e.dealId(), new Deal(designations(e.items()), new Standing(DealStage.NOTIFIED, DealStatus.ACTIVE)));
    }

    private synchronized void contracted(ContractConcluded e) {
        Deal deal = deals.get(e.dealId());
        if (deal == null) {
            return;
        }
        List<String> reported = deal.designations;
        if (e.items() != null && !e.items().isEmpty()) {
            deal.designations = designations(e.items());
        }
        // Still alert if the contract replaced the watched item: that is news to whoever watches it
        changed(e, s -> s.at(DealStage.CONTRACTED), reported);
    }

    private synchronized void changed(DyadEvent e, UnaryOperator<Standing> change, List<String> formerDesignations) {
        Deal deal = deals.get(e.aggregateId());
        if (deal == null) {
            return;
        }
        Standing from = deal.standing;
        deal.standing = change.apply(from);
        if (deal.standing.equals(from)) {
            return; // e.g. a second tranche: still DELIVERING
        }
        match(deal.designations).or(() -> match(formerDesignations)).ifPresent(designation ->
                alerts.accept(new Alert(e.aggregateId(), designation, from, deal.standing, e.validOn(),
                        publisher(e))));
    }

    private Optional<String> match(List<String> designations) {
        return designations.stream().filter(d -> d.toLowerCase(Locale.ROOT).contains(watched)).findFirst();
    }

    private static List<String> designations(List<DealItem> items) {
        return items == null ? List.of()
                : items.stream().map(DealItem::designation).filter(Objects::nonNull).toList();
    }

    private static String publisher(DyadEvent e) {
        return Optional.ofNullable(e.provenance()).map(Provenance::source).map(Source::publisher).orElse(null);
    }
}
