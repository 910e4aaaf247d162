package org.dyad.ledger;

import org.dyad.actors.Actor;
import org.dyad.actors.ActorRegistry;
import org.dyad.contracts.common.PartialDate;

import java.util.List;
import java.util.stream.Collectors;

/** The domain's rule for actor codes: known to Dyad's reference list, and in existence at the fact's date. */
public final class Actors {

    private static final ActorRegistry REGISTRY = ActorRegistry.standard();

    private Actors() {
    }

    /** Requires a known actor that existed (or may have existed) on the given date. */
    public static void requireKnown(String field, String code, PartialDate on) {
        RuleViolationException.require(code != null, field, "an actor code is required");
        Actor actor = REGISTRY.byCode(code).orElseThrow(() -> new RuleViolationException(field,
                "unknown actor '" + code + "'" + suggestions(code)));
        if (on != null && !actor.existedOn(on.latest()) && !actor.existedOn(on.earliest())) {
            String when = actor.validTo() != null && on.earliest().isAfter(actor.validTo().minusDays(1))
                    ? " ceased to exist on " + actor.validTo()
                    + (actor.successors().isEmpty() ? "" : "; successors: " + String.join(", ", actor.successors()))
                    : " did not exist before " + actor.validFrom();
            throw new RuleViolationException(field, code + " (" + actor.name() + ")" + when + ", so it cannot act on "
                    + on);
        }
    }

    public static void requireKnown(String field, List<String> codes, PartialDate on) {
        for (int i = 0; i < codes.size(); i++) {
            requireKnown(field + "[" + i + "]", codes.get(i), on);
        }
    }

    private static String suggestions(String code) {
        List<Actor> close = REGISTRY.closestMatches(code, 3);
        return close.isEmpty() ? "" : "; did you mean " + close.stream()
                .map(a -> a.code() + " (" + a.name() + ")").collect(Collectors.joining(", ")) + "?";
    }
}
