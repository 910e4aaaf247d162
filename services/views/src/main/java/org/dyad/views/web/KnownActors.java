package org.dyad.views.web;

import org.dyad.actors.ActorRegistry;
import org.dyad.support.web.ApiProblemException;

import java.util.Collection;
import java.util.List;

/**
 * Actor codes in paths and filters must name actors of the reference list: an unknown code is refused (404, naming it
 * with the closest actors) rather than answered as an actor with nothing on record.
 */
public final class KnownActors {

    /** How many actors an unknown code's problem suggests at most. */
    static final int SUGGESTIONS = 3;

    private static final ActorRegistry ACTORS = ActorRegistry.standard();

    private KnownActors() {
    }

    /** Refuses a code (given in {@code field}) that names no actor; {@code null} (no filter) passes. */
    public static void require(String field, String code) {
        if (code != null && ACTORS.byCode(code).isEmpty()) {
            List<String> suggestions = ACTORS.closestMatches(code, SUGGESTIONS).stream()
                    .map(actor -> actor.code() + " (" + actor.name() + ")").toList();
            throw ApiProblemException.unknownActor(field, code, suggestions);
        }
    }

    /** Refuses the first of the codes that names no actor. */
    public static void requireAll(String field, Collection<String> codes) {
        codes.forEach(code -> require(field, code));
    }
}
