package org.dyad.ledger.actor;

import org.dyad.actors.Actor;
import org.dyad.actors.ActorKind;
import org.dyad.actors.ActorRegistry;
import org.dyad.contracts.actor.RecordedActorKind;
import org.dyad.ledger.LedgerConfiguration;
import org.dyad.ledger.RuleViolationException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The actors recorded beside the shipped list, as the ledger keeps them in {@code recorded_actor}: read into the
 * shared {@link ActorRegistry} at start, and added to it when the transaction that records one commits, so that
 * commands naming a recorded actor are accepted like those naming a shipped one.
 *
 * <p>A code is allocated by inserting the first free code of the kind's range: the primary key refuses a code that a
 * concurrent request took first (its insert waits for that request to commit, then inserts nothing), and the next
 * free code is tried.
 */
@Component
public class RecordedActors {

    private static final String LEDGER = LedgerConfiguration.SCHEMA;
    private static final Logger log = LoggerFactory.getLogger(RecordedActors.class);
    private static final ActorRegistry REGISTRY = ActorRegistry.standard();

    private final JdbcTemplate jdbc;

    RecordedActors(JdbcTemplate jdbc, Flyway ledgerFlyway) {
        this.jdbc = jdbc;
        int read = 0;
        for (Actor actor : jdbc.query("SELECT code, name, kind, aliases, valid_from, valid_to FROM " + LEDGER
                + ".recorded_actor ORDER BY code", (rs, n) -> new Actor(rs.getString(1), rs.getString(2),
                ActorKind.valueOf(rs.getString(3)), date(rs.getDate(5)), date(rs.getDate(6)), List.of(),
                Arrays.asList((String[]) rs.getArray(4).getArray())))) {
            know(actor);
            read++;
        }
        log.info("{} recorded actors known besides the shipped list", read);
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /**
     * Allocates a code for a new actor and keeps the actor in {@code recorded_actor}; answers the code. Must run in
     * the transaction that sends its {@code RecordActor}: the actor is added to the registry when it commits.
     *
     * @throws RuleViolationException naming the field, when the name or an alias already names an actor
     */
    public String allocate(RecordedActorKind kind, String name, List<String> aliases, LocalDate validFrom,
                           LocalDate validTo) {
        requireNew("name", name);
        List<String> clean = strip(aliases);
        for (int i = 0; i < clean.size(); i++) {
            requireNew("aliases[" + i + "]", clean.get(i));
        }
        String nameKey = ActorRegistry.normalise(name);
        Set<String> taken = new HashSet<>(jdbc.queryForList("SELECT code FROM " + LEDGER + ".recorded_actor",
                String.class));
        ActorKind actorKind = ActorKind.valueOf(kind.name());
        for (String code : REGISTRY.freeCodes(actorKind)) {
            if (taken.contains(code)) {
                continue;
            }
            int inserted = jdbc.update("INSERT INTO " + LEDGER + ".recorded_actor (code, name_key, name, kind, aliases,"
                            + " valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    code, nameKey, name.strip(), actorKind.name(), clean.toArray(String[]::new),
                    validFrom == null ? null : Date.valueOf(validFrom), validTo == null ? null : Date.valueOf(validTo));
            if (inserted == 1) {
                knowAfterCommit(new Actor(code, name.strip(), actorKind, validFrom, validTo, List.of(), clean));
                return code;
            }
            String holder = jdbc.query("SELECT code FROM " + LEDGER + ".recorded_actor WHERE name_key = ?",
                    rs -> rs.next() ? rs.getString(1) : null, nameKey);
            if (holder != null) {
                throw new RuleViolationException("name", "'" + name + "' was just recorded as " + holder);
            }
        }
        throw new RuleViolationException("kind", "no code of the range for " + kind + " is free");
    }

    /** Names as recorded: without surrounding spaces. */
    public static List<String> strip(List<String> names) {
        return names == null ? List.of() : names.stream().map(String::strip).toList();
    }

    /** Refuses a name or alias that names an actor already. */
    private static void requireNew(String field, String name) {
        RuleViolationException.require(name != null && !name.isBlank(), field, "must not be blank");
        REGISTRY.byName(name).ifPresent(actor -> {
            throw new RuleViolationException(field, "'" + name + "' already names " + actor.code() + " ("
                    + actor.name() + ")");
        });
    }

    private static void knowAfterCommit(Actor actor) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    know(actor);
                }
            });
        } else {
            know(actor);
        }
    }

    private static void know(Actor actor) {
        try {
            REGISTRY.record(actor);
        } catch (IllegalArgumentException e) {
            // a later shipped list may hold the code or name itself; the shipped actor wins
            log.warn("Recorded actor {} is not added to the registry: {}", actor.code(), e.getMessage());
        }
    }
}
