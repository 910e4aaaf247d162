package org.dyad.watch;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a watchlist watches. The record filters ({@code actors}, {@code pairs}, {@code designations},
 * {@code categories}) say which records count: each one given must hold (any of its values will do). The event filters
 * ({@code stageChanges}, {@code agreementStatusChanges}, {@code estimateOver}, {@code notifiedSales}) say which of
 * their events count: any one given will do, and with none given every event of a record that counts does. At least
 * one criterion must be given.
 *
 * @param actors                 records naming any of these actors
 * @param pairs                  records between any of these pairs
 * @param designations           deals with an item whose designation contains one of these (case ignored)
 * @param categories             deals with an item of one of these SIPRI weapon categories
 * @param stageChanges           a deal changing stage or status
 * @param agreementStatusChanges an agreement's status changing
 * @param estimateOver           an estimate at or over an amount in a currency (no conversion)
 * @param notifiedSales          a sale notified to a legislature ({@code SaleNotified})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Criteria(
        List<String> actors,
        List<Pair> pairs,
        List<String> designations,
        List<String> categories,
        Changes stageChanges,
        Changes agreementStatusChanges,
        Threshold estimateOver,
        Boolean notifiedSales) {

    public Criteria {
        actors = listOf(actors);
        pairs = listOf(pairs);
        designations = listOf(designations);
        categories = listOf(categories);
    }

    /**
     * Two actors; {@code directed}: only transfers from {@code a} (supplier) to {@code b} (recipient), else either
     * way. Agreements count when both are parties, whatever the direction.
     */
    public record Pair(String a, String b, boolean directed) {
    }

    /** A change of stage or status, to one of {@code to} (any when empty). */
    public record Changes(List<String> to) {

        public Changes {
            to = listOf(to);
        }
    }

    /** An amount in a currency (ISO 4217, or TIV). */
    public record Threshold(BigDecimal amount, String currency) {
    }

    /** An unmodifiable copy; null elements are kept, for validation to name them. */
    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    boolean watchesEventKinds() {
        return stageChanges != null || agreementStatusChanges != null || estimateOver != null
                || Boolean.TRUE.equals(notifiedSales);
    }

    boolean isEmpty() {
        return actors.isEmpty() && pairs.isEmpty() && designations.isEmpty() && categories.isEmpty()
                && !watchesEventKinds();
    }
}
