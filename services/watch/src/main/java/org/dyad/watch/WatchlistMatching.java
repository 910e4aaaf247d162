package org.dyad.watch;

import org.dyad.contracts.common.Estimate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Whether an event matches a watchlist's criteria (see {@link Criteria} for their meaning). */
public final class WatchlistMatching {

    private WatchlistMatching() {
    }

    public static boolean matches(Criteria criteria, EventFacts event) {
        if (criteria.isEmpty()) {
            return false;
        }
        WatchedRecord record = event.record();
        if (!criteria.actors().isEmpty() && criteria.actors().stream().noneMatch(record.actors()::contains)) {
            return false;
        }
        if (!criteria.pairs().isEmpty() && criteria.pairs().stream().noneMatch(pair -> between(pair, record))) {
            return false;
        }
        if (!criteria.designations().isEmpty() && criteria.designations().stream()
                .noneMatch(wanted -> record.designations().stream().anyMatch(d -> contains(d, wanted)))) {
            return false;
        }
        if (!criteria.categories().isEmpty() && criteria.categories().stream()
                .noneMatch(record.categories()::contains)) {
            return false;
        }
        if (!criteria.watchesEventKinds()) {
            return true;
        }
        return changedTo(criteria.stageChanges(), event.stageChangedTo())
                || changedTo(criteria.agreementStatusChanges(), event.statusChangedTo())
                || (criteria.estimateOver() != null && event.estimates().stream()
                .anyMatch(estimate -> atOrOver(estimate, criteria.estimateOver())))
                || (Boolean.TRUE.equals(criteria.notifiedSales()) && event.notifiedSale());
    }

    /**
     * A deal between the pair (from {@code a} to {@code b} when directed, else either way); another record naming
     * both.
     */
    static boolean between(Criteria.Pair pair, WatchedRecord record) {
        if (record.supplier() != null && record.recipient() != null) {
            boolean forward = pair.a().equals(record.supplier()) && pair.b().equals(record.recipient());
            boolean backward = pair.b().equals(record.supplier()) && pair.a().equals(record.recipient());
            return forward || (!pair.directed() && backward);
        }
        return record.actors().contains(pair.a()) && record.actors().contains(pair.b());
    }

    private static boolean changedTo(Criteria.Changes wanted, String changedTo) {
        return wanted != null && changedTo != null && (wanted.to().isEmpty() || wanted.to().contains(changedTo));
    }

    /** An estimate in the threshold's currency whose amount (a range: its high end) is at or over it. */
    static boolean atOrOver(Estimate estimate, Criteria.Threshold threshold) {
        BigDecimal upper = estimate.upperBound();
        return upper != null && threshold.currency().equalsIgnoreCase(estimate.currency())
                && upper.compareTo(threshold.amount()) >= 0;
    }

    private static boolean contains(String designation, String wanted) {
        return designation.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
    }

    /** The criteria's values that name actors, for checks against the reference list. */
    static List<String> actorsNamed(Criteria criteria) {
        List<String> codes = new java.util.ArrayList<>(criteria.actors());
        criteria.pairs().forEach(pair -> {
            codes.add(pair.a());
            codes.add(pair.b());
        });
        return codes;
    }
}
