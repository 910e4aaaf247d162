package org.dyad.sipri;

import org.dyad.contracts.register.RegisterFieldChange;
import org.dyad.contracts.register.RegisterRow;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what a release's rows are to the deals earlier releases listed. A row and a deal are the same order when
 * they share the matching identity: recipient, supplier, year of order and weapon designation (case, spaces and
 * punctuation folded), so that a reworded description or a changed number does not make a new deal. Within one
 * identity, rows identical to a deal's last row pair first, then the rest pair by how many cells they share; when two
 * pairings are equally good for a row, the row is {@link Outcome#AMBIGUOUS} and none of its identity's deals is
 * dropped. A deal is dropped only when the release lists its pair (supplier, recipient) but not it, so a partial
 * export drops nothing outside the pairs it covers.
 */
public final class SipriReleaseMatching {

    /** Beyond this many rows or deals left in one identity, pairings are chosen greedily rather than all compared. */
    private static final int EXHAUSTIVE_LIMIT = 7;
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Pattern MARK = Pattern.compile("\\p{M}");
    /** In a pairing: the row pairs with no deal. */
    private static final int NONE = -1;
    /** In a pairing: the row is as like one deal as another written otherwise. */
    private static final int TIED = -2;

    private SipriReleaseMatching() {
    }

    /**
     * A deal some release listed.
     *
     * @param designationKey the {@link #designationKey} of its weapon designation
     * @param written        its row as its last release wrote it
     * @param lastReleaseId  the last release that listed it
     * @param dropped        a release after {@code lastReleaseId} no longer listed it
     */
    public record KnownDeal(String dealId, String recipient, String supplier, Integer orderYear, String designationKey,
                            RegisterRow written, String lastReleaseId, boolean dropped) {
    }

    /** A row of the release being imported, with the actor codes its names map to. */
    public record ReleaseRow(SipriRow row, String recipient, String supplier) {
    }

    public enum Outcome {
        /** a deal no release listed before: recorded under {@code dealId} */
        IMPORTED,
        /** a deal an earlier release listed otherwise: {@code changes} are the cells that differ */
        REVISED,
        /** a deal listed exactly so before (by an earlier release, or by this one in an earlier import) */
        UNCHANGED,
        /** could be any of {@code candidates}; nothing is recorded for it */
        AMBIGUOUS
    }

    /**
     * What a row is.
     *
     * @param dealId     the deal the row records, revises or restates; {@code null} when ambiguous
     * @param occurrence for a new deal, which of the rows alike in every identifying field it is (its id derives
     *                   from it); else 0
     * @param matched    the deal it pairs with, or {@code null} for a new or ambiguous row
     * @param changes    for a revision, the cells that differ from the deal's last row
     * @param candidates for an ambiguous row, the deals it could be
     */
    public record Decision(ReleaseRow row, Outcome outcome, String dealId, int occurrence, KnownDeal matched,
                           List<RegisterFieldChange> changes, List<String> candidates) {
    }

    /**
     * @param decisions one per row, in the rows' order
     * @param dropped   deals of earlier releases whose pair this release lists and which it no longer lists
     */
    public record Result(List<Decision> decisions, List<KnownDeal> dropped) {
    }

    /** The weapon designation folded for matching: "Su-30MKI", "SU 30 MKI" and "su30mki" are alike. */
    public static String designationKey(String designation) {
        if (designation == null) {
            return "";
        }
        String folded = MARK.matcher(Normalizer.normalize(designation, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private record Identity(String recipient, String supplier, Integer orderYear, String designation) {

        static Identity of(ReleaseRow row) {
            return new Identity(row.recipient(), row.supplier(), row.row().orderYear(),
                    designationKey(row.row().designation()));
        }

        static Identity of(KnownDeal deal) {
            return new Identity(deal.recipient(), deal.supplier(), deal.orderYear(), deal.designationKey());
        }
    }

    private record Pair(String supplier, String recipient) {
    }

    /**
     * A row of the release that could not be read as a deal, by the codes of its supplier and recipient where they
     * are known ({@code null} where the name is not an actor's): it may be any deal of those actors.
     */
    public record UnreadRow(String supplier, String recipient) {

        boolean mayBe(KnownDeal deal) {
            return (supplier == null || supplier.equals(deal.supplier()))
                    && (recipient == null || recipient.equals(deal.recipient()));
        }
    }

    /**
     * Matches the rows of release {@code releaseId} with the deals that releases (this one included, when it was
     * imported before) listed.
     */
    public static Result match(String releaseId, List<KnownDeal> known, List<ReleaseRow> rows) {
        return match(releaseId, known, rows, List.of());
    }

    /**
     * Matches as {@link #match(String, List, List)}, and drops no deal that one of the release's unread rows may be:
     * a row refused for a broken cell still lists its deal.
     */
    public static Result match(String releaseId, List<KnownDeal> known, List<ReleaseRow> rows,
                               List<UnreadRow> unread) {
        Map<Identity, List<Integer>> rowsByIdentity = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowsByIdentity.computeIfAbsent(Identity.of(rows.get(i)), k -> new ArrayList<>()).add(i);
        }
        Map<Identity, List<KnownDeal>> dealsByIdentity = new HashMap<>();
        for (KnownDeal deal : known) {
            dealsByIdentity.computeIfAbsent(Identity.of(deal), k -> new ArrayList<>()).add(deal);
        }
        Decision[] decisions = new Decision[rows.size()];
        Set<String> listed = new HashSet<>();
        Set<Identity> undecided = new HashSet<>();
        for (Map.Entry<Identity, List<Integer>> group : rowsByIdentity.entrySet()) {
            List<KnownDeal> deals = dealsByIdentity.getOrDefault(group.getKey(), List.of());
            if (matchIdentity(releaseId, rows, group.getValue(), deals, decisions, listed)) {
                undecided.add(group.getKey());
            }
        }
        assignNewIds(rows, known, decisions);

        Set<Pair> pairs = new HashSet<>();
        rows.forEach(row -> pairs.add(new Pair(row.supplier(), row.recipient())));
        List<KnownDeal> dropped = known.stream()
                .filter(deal -> !deal.dropped() && !releaseId.equals(deal.lastReleaseId()))
                .filter(deal -> pairs.contains(new Pair(deal.supplier(), deal.recipient())))
                .filter(deal -> !listed.contains(deal.dealId()))
                .filter(deal -> !undecided.contains(Identity.of(deal)))
                .filter(deal -> unread.stream().noneMatch(row -> row.mayBe(deal)))
                .toList();
        return new Result(List.of(decisions), dropped);
    }

    /** Decides one identity's rows; answers whether some stayed undecided. */
    private static boolean matchIdentity(String releaseId, List<ReleaseRow> rows, List<Integer> rowIndexes,
                                         List<KnownDeal> deals, Decision[] decisions, Set<String> listed) {
        List<Integer> open = new ArrayList<>(rowIndexes);
        List<KnownDeal> free = new ArrayList<>(deals);
        // identical rows first: a deal listed exactly so is the same deal
        for (int index : rowIndexes) {
            RegisterRow written = rows.get(index).row().written();
            KnownDeal same = free.stream().filter(deal -> Objects.equals(deal.written(), written)).findFirst()
                    .orElse(null);
            if (same != null) {
                free.remove(same);
                open.remove(Integer.valueOf(index));
                listed.add(same.dealId());
                decisions[index] = new Decision(rows.get(index), Outcome.UNCHANGED, same.dealId(), 0, same,
                        List.of(), List.of());
            }
        }
        // a deal this release already listed is only ever the same as an identical row
        free.removeIf(deal -> releaseId.equals(deal.lastReleaseId()));
        if (open.isEmpty() || free.isEmpty()) {
            open.forEach(index -> decisions[index] = imported(rows.get(index)));
            return false;
        }
        int[][] shared = new int[open.size()][free.size()];
        for (int r = 0; r < open.size(); r++) {
            for (int d = 0; d < free.size(); d++) {
                shared[r][d] = sharedCells(rows.get(open.get(r)).row().written(), free.get(d).written());
            }
        }
        List<int[]> best = open.size() <= EXHAUSTIVE_LIMIT && free.size() <= EXHAUSTIVE_LIMIT
                ? bestPairings(shared) : List.of(greedyPairing(shared, free));
        // Deals written alike are interchangeable: a row is decided when every best pairing gives it a deal written
        // the same way (or none); it then takes the next of those deals.
        Map<RegisterRow, ArrayDeque<KnownDeal>> alike = new HashMap<>();
        free.forEach(deal -> alike.computeIfAbsent(deal.written(), k -> new ArrayDeque<>()).add(deal));
        boolean undecided = false;
        for (int r = 0; r < open.size(); r++) {
            int index = open.get(r);
            Set<Integer> choices = new LinkedHashSet<>();
            Set<RegisterRow> writtenAs = new HashSet<>();
            for (int[] pairing : best) {
                choices.add(pairing[r]);
                if (pairing[r] >= 0) {
                    writtenAs.add(free.get(pairing[r]).written());
                }
            }
            boolean none = choices.contains(NONE);
            if (choices.contains(TIED) || writtenAs.size() + (none ? 1 : 0) > 1) {
                undecided = true;
                int most = java.util.Arrays.stream(shared[r]).max().orElse(0);
                List<String> candidates = new ArrayList<>();
                for (int d = 0; d < free.size(); d++) {
                    if (shared[r][d] == most || writtenAs.contains(free.get(d).written())) {
                        candidates.add(free.get(d).dealId());
                    }
                }
                decisions[index] = new Decision(rows.get(index), Outcome.AMBIGUOUS, null, 0, null, List.of(),
                        candidates);
                continue;
            }
            if (none) {
                decisions[index] = imported(rows.get(index));
                continue;
            }
            KnownDeal deal = alike.get(writtenAs.iterator().next()).removeFirst();
            listed.add(deal.dealId());
            RegisterRow written = rows.get(index).row().written();
            List<RegisterFieldChange> changes = written.changesSince(deal.written());
            decisions[index] = new Decision(rows.get(index), changes.isEmpty() ? Outcome.UNCHANGED : Outcome.REVISED,
                    deal.dealId(), 0, deal, changes, List.of());
        }
        return undecided;
    }

    private static Decision imported(ReleaseRow row) {
        return new Decision(row, Outcome.IMPORTED, null, 0, null, List.of(), List.of());
    }

    /** How many of the 16 cells two rows write alike (surrounding spaces and case aside). */
    static int sharedCells(RegisterRow a, RegisterRow b) {
        if (a == null || b == null) {
            return 0;
        }
        List<String> left = a.cells();
        List<String> right = b.cells();
        int shared = 0;
        for (int i = 0; i < left.size(); i++) {
            if (fold(left.get(i)).equals(fold(right.get(i)))) {
                shared++;
            }
        }
        return shared;
    }

    private static String fold(String cell) {
        return cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Every pairing of rows with deals (each row to at most one deal, {@code -1} for none, as many pairs as possible)
     * that shares the most cells in all.
     */
    private static List<int[]> bestPairings(int[][] shared) {
        int rows = shared.length;
        int deals = shared[0].length;
        int pairs = Math.min(rows, deals);
        List<int[]> best = new ArrayList<>();
        int[] bestTotal = {Integer.MIN_VALUE};
        int[] pairing = new int[rows];
        boolean[] taken = new boolean[deals];
        search(shared, 0, 0, 0, pairs, pairing, taken, best, bestTotal);
        return best;
    }

    private static void search(int[][] shared, int row, int paired, int total, int pairs, int[] pairing,
                               boolean[] taken, List<int[]> best, int[] bestTotal) {
        int rows = shared.length;
        if (row == rows) {
            if (paired < pairs) {
                return;
            }
            if (total > bestTotal[0]) {
                bestTotal[0] = total;
                best.clear();
            }
            if (total == bestTotal[0]) {
                best.add(pairing.clone());
            }
            return;
        }
        // rows left could not make up the pairs still needed
        if (paired + (rows - row) < pairs) {
            return;
        }
        for (int d = 0; d < taken.length; d++) {
            if (!taken[d]) {
                taken[d] = true;
                pairing[row] = d;
                search(shared, row + 1, paired + 1, total + shared[row][d], pairs, pairing, taken, best, bestTotal);
                taken[d] = false;
            }
        }
        pairing[row] = -1;
        search(shared, row + 1, paired, total, pairs, pairing, taken, best, bestTotal);
    }

    /**
     * For large identities: the most alike row and deal pair first, and so on; a row as like a deal as another deal
     * written otherwise is {@link #TIED}.
     */
    private static int[] greedyPairing(int[][] shared, List<KnownDeal> free) {
        int[] pairing = new int[shared.length];
        java.util.Arrays.fill(pairing, NONE);
        boolean[] closed = new boolean[shared.length];
        boolean[] taken = new boolean[free.size()];
        while (true) {
            int bestRow = -1;
            int bestDeal = -1;
            for (int r = 0; r < shared.length; r++) {
                for (int d = 0; d < taken.length; d++) {
                    if (!closed[r] && !taken[d] && (bestRow < 0 || shared[r][d] > shared[bestRow][bestDeal])) {
                        bestRow = r;
                        bestDeal = d;
                    }
                }
            }
            if (bestRow < 0) {
                return pairing;
            }
            closed[bestRow] = true;
            boolean tied = false;
            for (int d = 0; d < taken.length; d++) {
                tied |= !taken[d] && d != bestDeal && shared[bestRow][d] == shared[bestRow][bestDeal]
                        && !Objects.equals(free.get(d).written(), free.get(bestDeal).written());
            }
            if (tied) {
                pairing[bestRow] = TIED;
            } else {
                pairing[bestRow] = bestDeal;
                taken[bestDeal] = true;
            }
        }
    }

    /**
     * New deals keep the content-derived id of {@link SipriDealMapper#dealIds}; an id some known deal already has
     * (a deal an earlier release recorded from the same content and a later one revised) moves on to the next
     * occurrence.
     */
    private static void assignNewIds(List<ReleaseRow> rows, List<KnownDeal> known, Decision[] decisions) {
        Set<String> taken = new HashSet<>();
        known.forEach(deal -> taken.add(deal.dealId()));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            SipriRow row = rows.get(i).row();
            int occurrence = seen.merge(SipriDealMapper.identity(row), 1, Integer::sum);
            if (decisions[i].outcome() != Outcome.IMPORTED) {
                continue;
            }
            String id = SipriDealMapper.dealId(row, occurrence);
            while (taken.contains(id)) {
                occurrence++;
                id = SipriDealMapper.dealId(row, occurrence);
            }
            seen.put(SipriDealMapper.identity(row), occurrence);
            taken.add(id);
            decisions[i] = new Decision(decisions[i].row(), Outcome.IMPORTED, id, occurrence, null, List.of(),
                    List.of());
        }
    }
}
