package org.dyad.views.projection;

import org.dyad.actors.Actor;
import org.dyad.actors.ActorKind;
import org.dyad.actors.ActorRegistry;
import org.dyad.contracts.actor.event.ActorRecorded;
import org.dyad.views.model.HistoryEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Keeps the actors recorded beside the shipped list in {@code views.actor}, and makes each known to the shared
 * {@link ActorRegistry}, so that the views name and accept it like a shipped actor (in a process of their own, the
 * views learn recorded actors only from these events, and from the table at start: {@link RecordedActorsLoader}).
 */
public final class ActorProjection implements RecordProjection {

    private static final Logger log = LoggerFactory.getLogger(ActorProjection.class);

    private static final String UPSERT_ACTOR = """
            INSERT INTO views.actor (code, name, kind, aliases, valid_from, valid_to, version)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, aliases = EXCLUDED.aliases,
                valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, version = EXCLUDED.version""";

    @Override
    public String recordType() {
        return "actor";
    }

    @Override
    public void rewrite(List<RecordHistory> actors, Set<String> newRecords, BatchWrites batch) {
        for (RecordHistory record : actors) {
            ActorRecorded recorded = record.history().stream().filter(h -> !h.retracted())
                    .map(HistoryEntry::event).filter(ActorRecorded.class::isInstance).map(ActorRecorded.class::cast)
                    .findFirst().orElse(null);
            if (recorded == null) {
                batch.add("DELETE FROM views.actor WHERE code = ?", record.id());
                continue;
            }
            batch.add(UPSERT_ACTOR, recorded.code(), recorded.name(), recorded.kind().name(),
                    batch.textArray(recorded.aliases()), date(recorded.validFrom()), date(recorded.validTo()),
                    record.version());
            know(on(recorded));
        }
    }

    /** The actor the event records. */
    static Actor on(ActorRecorded e) {
        return new Actor(e.code(), e.name(), ActorKind.valueOf(e.kind().name()), e.validFrom(), e.validTo(),
                List.of(), e.aliases());
    }

    /** Adds the actor to the registry; one the registry holds already (the same) changes nothing. */
    static void know(Actor actor) {
        try {
            ActorRegistry.standard().record(actor);
        } catch (IllegalArgumentException e) {
            log.warn("Recorded actor {} is not added to the registry: {}", actor.code(), e.getMessage());
        }
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
