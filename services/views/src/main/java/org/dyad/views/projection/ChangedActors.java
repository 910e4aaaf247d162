package org.dyad.views.projection;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The actors whose answers a batch changes, counted in {@code views.actor_change} so that answers about other actors
 * are kept (see {@code AnswerCache}). An answer about an actor or a pair reads only records naming them, with one
 * exception: a deal lists the deals it superseded, so a deal superseded (or no longer) changes the answers about the
 * actors of the deal that superseded it.
 */
final class ChangedActors {

    private final Set<String> actors = new TreeSet<>();
    private final Set<String> supersedingDeals = new TreeSet<>();

    /** Every actor a rewritten record's events ever named. */
    void named(Collection<String> named) {
        actors.addAll(named);
    }

    /** A rewritten deal was, or now is, superseded by this one (null: by none). */
    void supersededBy(String dealId) {
        if (dealId != null) {
            supersedingDeals.add(dealId);
        }
    }

    /** Counts a change for each actor; call after the records' rows are written. */
    void write(ViewTables jdbc) {
        if (!supersedingDeals.isEmpty()) {
            jdbc.query("SELECT supplier, recipient FROM views.deal WHERE deal_id IN (:ids)",
                    new MapSqlParameterSource("ids", List.copyOf(supersedingDeals)), rs -> {
                        actors.add(rs.getString(1));
                        actors.add(rs.getString(2));
                    });
        }
        List<Object[]> rows = new ArrayList<>(actors.size());
        actors.forEach(actor -> rows.add(new Object[]{actor}));
        jdbc.batchUpdate("""
                INSERT INTO views.actor_change AS c (actor, changes) VALUES (?, 1)
                ON CONFLICT (actor) DO UPDATE SET changes = c.changes + 1""", rows);
        if (ViewTables.LIVE.equals(jdbc.schema())) {
            // readers in this process stop serving kept answers about these actors before the commit
            ViewCommitSignals.changing(actors);
        }
    }
}
