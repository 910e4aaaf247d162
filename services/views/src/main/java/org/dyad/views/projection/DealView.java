package org.dyad.views.projection;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealStatus;
import org.dyad.contracts.deal.DealTerms;
import org.dyad.contracts.deal.SaleNotification;
import org.dyad.contracts.deal.Tranche;
import org.dyad.views.model.EstimateClaim;
import org.dyad.views.model.ExpectedDelivery;
import org.dyad.views.model.HistoryEntry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The read model of a deal: its document in {@code views.deal} and the source of its index columns and states.
 * Folded from the deal's history by {@link DealProjection}.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class DealView {

    String dealId;
    String supplier;
    String recipient;
    DealStage stage;
    DealStatus status;
    String statusReason;
    PartialDate statusSince;
    /** The embargo the suspension or cancellation in effect cites, when it cites one. */
    String statusEmbargoId;
    List<DealItem> items = List.of();
    DealTerms terms;
    PartialDate reportedOn;
    /** For a sale notified to a legislature: the notification's date (also {@code reportedOn}), number and addressee. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    PartialDate notifiedOn;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    SaleNotification notification;
    PartialDate negotiationOpenedOn;
    PartialDate contractedOn;
    PartialDate deliveredOn;
    final List<Tranche> deliveries = new ArrayList<>();
    /** The deliveries sources expect, in the order they said so: the deal's schedule. */
    final List<ExpectedDelivery> expectedDeliveries = new ArrayList<>();
    String supersededBy;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Possibly possibly;
    /** The framework agreement the deal implements, when one is named. */
    String frameworkAgreementId;
    /** The company or state agency that signed the deal for its supplier or recipient, when a source names one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    String signedBy;
    /** What the releases of a published register said of the deal, when it came from one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    DealRegister register;
    final List<EstimateClaim> estimates = new ArrayList<>();
    List<EstimateClaim> latestEstimates = List.of();
    List<Source> sources = List.of();
    /** Where the supplier or recipient changed by state succession while the deal ran (see DealSuccession). */
    List<DealSuccession> succession = List.of();
    List<HistoryEntry> history = List.of();
    long version;

    DealView() {
    }

    /**
     * What the deal may already be on the date asked about: a fact whose date has begun but may still be ahead
     * (a cancellation dated "2015", asked about 2015-06-01) would make its status or stage this, from {@code since}.
     *
     * @param since     the date of that fact, as recorded
     * @param eventId   that fact's event
     * @param eventType that fact's event type
     */
    public record Possibly(DealStatus status, DealStage stage, String standing, PartialDate since, String eventId,
                           String eventType) {
    }

    void status(DealStatus status, String reason, PartialDate since) {
        this.status = status;
        this.statusReason = reason;
        this.statusSince = since;
        this.statusEmbargoId = null;
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
        return text.toString().trim().toLowerCase(Locale.ROOT);
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

    public DealRegister register() {
        return register;
    }

    public String signedBy() {
        return signedBy;
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

    public PartialDate notifiedOn() {
        return notifiedOn;
    }

    public SaleNotification notification() {
        return notification;
    }

    public Possibly possibly() {
        return possibly;
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
