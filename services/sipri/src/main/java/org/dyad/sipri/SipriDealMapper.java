package org.dyad.sipri;

import org.dyad.actors.Actor;
import org.dyad.actors.ActorRegistry;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.ValueBasis;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.ItemCondition;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.deal.TrancheItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Maps SIPRI rows to Dyad's deals. Whether an actor existed in the order year is left to the domain to judge: SIPRI
 * itself names the Soviet Union for orders that Russia delivered.
 */
public final class SipriDealMapper {

    static final String TIV_SCOPE = "SIPRI TIV for total order";
    private static final int CLOSEST_MATCHES = 3;
    private static final int MAX_ACTOR_NAME = 100;
    private static final Map<String, ItemCondition> CONDITIONS = Map.of(
            "new", ItemCondition.NEW,
            "second hand", ItemCondition.SECOND_HAND,
            "second hand but modernized", ItemCondition.SECOND_HAND_MODERNISED,
            "second hand but modernised", ItemCondition.SECOND_HAND_MODERNISED);

    private SipriDealMapper() {
    }

    public static SipriMapping map(SipriRow row) {
        Objects.requireNonNull(row, "row");
        ActorRegistry actors = ActorRegistry.standard();
        List<String> rejections = new ArrayList<>();
        String supplier = actorCode(actors, "supplier", row.supplier(), rejections);
        String recipient = actorCode(actors, "recipient", row.recipient(), rejections);
        if (row.designation() == null) {
            rejections.add("missing designation");
        }
        ItemCondition condition = null;
        if (row.status() != null) {
            condition = CONDITIONS.get(row.status().toLowerCase(Locale.ROOT).replace('-', ' '));
            if (condition == null) {
                rejections.add("unknown status '" + row.status() + "'; expected New, Second hand or "
                        + "Second hand but modernized");
            }
        }
        PartialDate orderedOn = null;
        List<PartialDate> deliveries = new ArrayList<>();
        try {
            orderedOn = row.orderYear() == null ? null : year(row.orderYear(), row.orderYearUncertain());
            for (int year : row.deliveryYears().stream().sorted().toList()) {
                deliveries.add(year(year, row.deliveryYearsUncertain()));
            }
        } catch (IllegalArgumentException e) {
            rejections.add(e.getMessage());
        }
        if (!rejections.isEmpty()) {
            return SipriMapping.rejected(String.join("; ", rejections));
        }

        WeaponCategories.Classification categories = WeaponCategories.of(row.description());
        DealItem item = new DealItem(row.designation(), row.description(), categories.category(),
                categories.unCategory(), row.numberOrdered(), null, row.numberOrderedUncertain(), condition);
        DealStage stage = stage(row);
        Tranche delivery = null;
        if (stage != DealStage.CONTRACTED && !deliveries.isEmpty()) {
            delivery = new Tranche(deliveries.get(0), deliveries.size() > 1 ? deliveries : List.of(),
                    List.of(new TrancheItem(row.designation(), row.numberDelivered(),
                            row.numberDeliveredUncertain())));
        }
        PartialDate completedOn = stage == DealStage.DELIVERED && !deliveries.isEmpty()
                ? deliveries.get(deliveries.size() - 1) : null;
        return SipriMapping.of(new SipriDeal(row, supplier, recipient, item, SipriComments.terms(row.comments()),
                orderedOn, stage, SipriComments.cancelled(row.comments()), delivery, completedOn, estimates(row)));
    }

    /**
     * A stable id for the deal a row records: the same file imported again gives the same ids. Rows alike in every
     * identifying field are told apart by {@code occurrence}, 1 for the first such row in the file, 2 for the next.
     */
    public static String dealId(SipriRow row, int occurrence) {
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence counts from 1");
        }
        String key = String.join("\u001f", identity(row), Integer.toString(occurrence));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sipri-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The {@link #dealId} of each row, in order, counting occurrences of alike rows through the list. */
    public static List<String> dealIds(List<SipriRow> rows) {
        Map<String, Integer> seen = new HashMap<>();
        return rows.stream()
                .map(row -> dealId(row, seen.merge(identity(row), 1, Integer::sum)))
                .collect(Collectors.toList());
    }

    static String identity(SipriRow row) {
        return String.join("\u001f", text(row.recipient()), text(row.supplier()), text(row.orderYear()),
                text(row.designation()), text(row.description()), text(row.numberOrdered()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String actorCode(ActorRegistry actors, String role, String name, List<String> rejections) {
        if (name == null) {
            rejections.add("missing " + role + " name");
            return null;
        }
        if (name.length() > MAX_ACTOR_NAME) {
            // No actor's name is that long; comparing it with every name would only cost time.
            rejections.add(role + " name of " + name.length() + " characters is no actor's name");
            return null;
        }
        return actors.byName(name).map(Actor::code).orElseGet(() -> {
            List<Actor> closest = actors.closestMatches(name, CLOSEST_MATCHES);
            rejections.add("unknown " + role + " name '" + name + "'; " + (closest.isEmpty() ? "no close match"
                    : "closest: " + closest.stream().map(a -> a.code() + " (" + a.name() + ")")
                    .collect(Collectors.joining(", "))));
            return null;
        });
    }

    private static PartialDate year(int year, boolean approximate) {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " has not four digits");
        }
        return new PartialDate(year, null, null, approximate);
    }

    /** Delivered in full once as many were delivered as ordered; SIPRI sometimes counts a few more. */
    private static DealStage stage(SipriRow row) {
        Integer ordered = row.numberOrdered();
        Integer delivered = row.numberDelivered();
        if (ordered != null && ordered > 0 && delivered != null && delivered >= ordered) {
            return DealStage.DELIVERED;
        }
        boolean someDelivered = delivered == null ? !row.deliveryYears().isEmpty() : delivered > 0;
        return someDelivered ? DealStage.DELIVERING : DealStage.CONTRACTED;
    }

    /**
     * The comments' money values, then the TIV for the total order. SIPRI writes 0 for that TIV when the number
     * ordered is not known, which is no value at all, so it is taken only with a number ordered.
     */
    private static List<Estimate> estimates(SipriRow row) {
        List<Estimate> estimates = new ArrayList<>(SipriComments.money(row.comments()));
        if (row.tivTotalOrder() != null && row.numberOrdered() != null) {
            estimates.add(new Estimate(row.tivTotalOrder(), null, null, "TIV", EstimateQualifier.EXACT, null,
                    ValueBasis.TIV, TIV_SCOPE));
        }
        return estimates;
    }
}
