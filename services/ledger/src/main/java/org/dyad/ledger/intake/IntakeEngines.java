package org.dyad.ledger.intake;

import org.dyad.actors.ActorRegistry;
import org.dyad.intake.IntakeEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The engine drafts are made with, knowing the designations of the deals on record. Those are read at most once per
 * {@link #REFRESH} (reading them scans every deal), and a new engine is made only when they changed.
 */
@Component
class IntakeEngines {

    static final Duration REFRESH = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(IntakeEngines.class);

    private final ObjectProvider<KnownDesignations> designations;
    private volatile Cached cached;

    IntakeEngines(ObjectProvider<KnownDesignations> designations) {
        this.designations = designations;
    }

    private record Cached(IntakeEngine engine, Set<String> designations, Instant readAt) {
    }

    IntakeEngine engine() {
        Cached now = cached;
        if (now == null || now.readAt().plus(REFRESH).isBefore(Instant.now())) {
            synchronized (this) {
                now = cached;
                if (now == null || now.readAt().plus(REFRESH).isBefore(Instant.now())) {
                    Set<String> known = Set.copyOf(read());
                    IntakeEngine engine = now != null && now.designations().equals(known) ? now.engine()
                            : new IntakeEngine(ActorRegistry.standard(), known);
                    cached = now = new Cached(engine, known, Instant.now());
                }
            }
        }
        return now.engine();
    }

    private Collection<String> read() {
        KnownDesignations source = designations.getIfAvailable();
        if (source == null) {
            return List.of();
        }
        try {
            return source.designations();
        } catch (RuntimeException e) {
            // drafting still works with the engine's own list; the next refresh tries again
            log.warn("The designations on record could not be read; drafting with the engine's own", e);
            return List.of();
        }
    }
}
