package org.dyad.views.projection;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code views.relationship} (what is on record between each pair of actors, a &lt; b) in step with the
 * records' rows, for the records one batch rewrites. A deal that joins a pair, or whose valid dates only widen, is
 * added to the pair's row. Anything else (a deal leaving its pair or losing dates, any agreement or statement)
 * recounts the pair from the records' rows: that reads every deal of the pair, thousands for a busy one, which is why
 * the common case does not.
 */
final class RelationshipCounts {

    /** Where a deal counts: its pair and the span of its valid dates (either may be null). */
    record DealPlace(List<String> pair, LocalDate first, LocalDate last) {

        /** The deal's place, or null when it names one actor twice (no pair counts it). */
        static DealPlace of(String supplier, String recipient, LocalDate first, LocalDate last) {
            int order = supplier.compareTo(recipient);
            if (order == 0) {
                return null;
            }
            return new DealPlace(order < 0 ? List.of(supplier, recipient) : List.of(recipient, supplier), first, last);
        }

        /** Same pair, and every date of the earlier span still within this one. */
        boolean covers(DealPlace earlier) {
            return pair.equals(earlier.pair)
                    && (earlier.first == null || first != null && !first.isAfter(earlier.first))
                    && (earlier.last == null || last != null && !last.isBefore(earlier.last));
        }
    }

    /** Deals added to a pair and the span of the dates added. */
    private record Added(int deals, LocalDate first, LocalDate last) {

        Added plus(Added other) {
            return new Added(deals + other.deals, earlier(first, other.first), later(last, other.last));
        }

        private static LocalDate earlier(LocalDate a, LocalDate b) {
            return a == null ? b : b == null || a.isBefore(b) ? a : b;
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a == null ? b : b == null || a.isAfter(b) ? a : b;
        }
    }

    private static final String ADD_DEALS = """
            INSERT INTO views.relationship AS r (party_a, party_b, agreements, deals, statements, first_event_on,
                last_event_on)
            VALUES (?, ?, 0, ?, 0, ?, ?)
            ON CONFLICT (party_a, party_b) DO UPDATE SET deals = r.deals + EXCLUDED.deals,
                first_event_on = LEAST(r.first_event_on, EXCLUDED.first_event_on),
                last_event_on = GREATEST(r.last_event_on, EXCLUDED.last_event_on)""";

    private static final String RECOUNT = """
            WITH d AS (SELECT count(*) AS n, min(first_valid) AS f, max(last_valid) AS l FROM views.deal
                       WHERE (supplier = ? AND recipient = ?) OR (supplier = ? AND recipient = ?)),
                 g AS (SELECT count(*) AS n, min(first_valid) AS f, max(last_valid) AS l FROM views.agreement
                       WHERE agreement_id IN (SELECT x.agreement_id FROM views.agreement_actor x
                           JOIN views.agreement_actor y ON y.agreement_id = x.agreement_id
                           WHERE x.actor = ? AND y.actor = ? AND (x.role = 'PARTY' OR y.role = 'PARTY'))),
                 s AS (SELECT count(*) AS n, min(first_valid) AS f, max(last_valid) AS l FROM views.statement
                       WHERE statement_id IN (SELECT x.statement_id FROM views.statement_actor x
                           JOIN views.statement_actor y ON y.statement_id = x.statement_id
                           WHERE x.actor = ? AND y.actor = ?))
            INSERT INTO views.relationship AS r (party_a, party_b, agreements, deals, statements, first_event_on,
                last_event_on)
            SELECT ?, ?, g.n, d.n, s.n, LEAST(d.f, g.f, s.f), GREATEST(d.l, g.l, s.l) FROM d, g, s
            ON CONFLICT (party_a, party_b) DO UPDATE SET agreements = EXCLUDED.agreements,
                deals = EXCLUDED.deals, statements = EXCLUDED.statements,
                first_event_on = EXCLUDED.first_event_on, last_event_on = EXCLUDED.last_event_on""";

    private final ViewTables jdbc;
    private final Set<List<String>> recount = new LinkedHashSet<>();
    private final Map<List<String>, Added> added = new LinkedHashMap<>();

    RelationshipCounts(ViewTables jdbc) {
        this.jdbc = jdbc;
    }

    /** A deal's row was rewritten: where it counted before the batch and where it counts now (null: nowhere). */
    void dealRewritten(DealPlace before, DealPlace now) {
        if (before != null && (now == null || !now.covers(before))) {
            recount.add(before.pair());
        }
        if (now != null) {
            int joined = before != null && before.pair().equals(now.pair()) ? 0 : 1;
            added.merge(now.pair(), new Added(joined, now.first(), now.last()), Added::plus);
        }
    }

    /** An agreement or statement naming these actors was rewritten: every pair among them is recounted. */
    void recordRewritten(Collection<String> actors) {
        List<String> sorted = actors.stream().distinct().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                recount.add(List.of(sorted.get(i), sorted.get(j)));
            }
        }
    }

    /** Writes the pairs' rows; call after the records' rows are written. */
    void write() {
        List<Object[]> additions = new ArrayList<>();
        added.forEach((pair, a) -> {
            if (!recount.contains(pair)) {
                additions.add(new Object[]{pair.get(0), pair.get(1), a.deals(), sqlDate(a.first()), sqlDate(a.last())});
            }
        });
        jdbc.batchUpdate(ADD_DEALS, additions);
        jdbc.batchUpdate(RECOUNT, recount.stream().map(p -> {
            String a = p.get(0);
            String b = p.get(1);
            return new Object[]{a, b, b, a, a, b, a, b, a, b};
        }).toList());
        jdbc.batchUpdate("DELETE FROM views.relationship WHERE party_a = ? AND party_b = ?"
                + " AND agreements + deals + statements = 0", recount.stream().map(List::toArray).toList());
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
