package org.dyad.ledger;

import org.dyad.actors.Actor;
import org.dyad.actors.ActorRegistry;
import org.dyad.actors.Succession;
import org.dyad.contracts.common.PartialDate;

import java.time.LocalDate;
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

    /**
     * Requires a known actor that existed on the given date, or one that took over the relations of an actor that
     * did (a state succession): SIPRI names Russia as the supplier of orders placed with the Soviet Union that Russia
     * delivered. Answers the succession that explains the date, or null when the actor itself existed then.
     */
    public static Succession requireKnownOrSuccessor(String field, String code, PartialDate on) {
        RuleViolationException.require(code != null, field, "an actor code is required");
        Actor actor = REGISTRY.byCode(code).orElse(null);
        if (actor == null || on == null || actor.existedOn(on.latest()) || actor.existedOn(on.earliest())) {
            requireKnown(field, code, on);
            return null;
        }
        Succession explaining = explainingSuccession(code, on);
        if (explaining == null) {
            requireKnown(field, code, on);
        }
        return explaining;
    }

    /** A succession by which {@code code} took over the relations of an actor that existed on the date, or null. */
    private static Succession explainingSuccession(String code, PartialDate on) {
        for (Succession succession : REGISTRY.successionsTo(code)) {
            if (!succession.kind().takesOverRelations() || !on.earliest().isBefore(succession.on())) {
                continue;
            }
            Actor predecessor = REGISTRY.byCode(succession.predecessor()).orElseThrow();
            if (predecessor.existedOn(on.latest()) || predecessor.existedOn(on.earliest())
                    || explainingSuccession(predecessor.code(), on) != null) {
                return succession;
            }
        }
        return null;
    }

    /**
     * Requires that a deal's supplier or recipient is not a company or state agency: a deal is between states (or
     * groups and organisations), and the company or agency that signed it is its {@code signedBy}.
     */
    public static void requireNotActingForState(String field, String code) {
        REGISTRY.byCode(code).filter(actor -> actor.kind().actsForState()).ifPresent(actor -> {
            throw new RuleViolationException(field, code + " (" + actor.name() + ") is a " + actor.kind()
                    + " of " + actor.belongsTo() + "; name " + actor.belongsTo() + " here and " + code
                    + " as signedBy");
        });
    }

    /**
     * Requires that an optional signer of a deal is a company or state agency acting for its supplier or its
     * recipient on the date (see {@link ActorRegistry#actsFor}); the deal itself stays between the two states.
     */
    public static void requireSigner(String field, String code, String supplier, String recipient, PartialDate on) {
        if (code == null) {
            return;
        }
        requireKnown(field, code, on);
        Actor signer = REGISTRY.byCode(code).orElseThrow();
        RuleViolationException.require(signer.kind().actsForState(), field, code + " (" + signer.name() + ") is "
                + signer.kind() + "; a deal is signed by a company or state agency of its supplier or recipient");
        boolean acts = on == null
                ? signer.belongsTo().equals(supplier) || signer.belongsTo().equals(recipient)
                : actsFor(code, supplier, on) || actsFor(code, recipient, on);
        RuleViolationException.require(acts, field, code + " (" + signer.name() + ") acts for "
                + signer.belongsTo() + ", which is neither the supplier " + supplier + " nor the recipient "
                + recipient + (on == null ? "" : " on " + on));
    }

    private static boolean actsFor(String code, String state, PartialDate on) {
        return REGISTRY.actsFor(code, state, on.earliest()) || REGISTRY.actsFor(code, state, on.latest());
    }

    public static void requireKnown(String field, List<String> codes, PartialDate on) {
        for (int i = 0; i < codes.size(); i++) {
            requireKnown(field + "[" + i + "]", codes.get(i), on);
        }
    }

    /** The first day the actor no longer existed, or null while it exists (or is unknown). */
    public static LocalDate endOf(String code) {
        return REGISTRY.byCode(code).map(Actor::validTo).orElse(null);
    }

    /** The states that followed the actor (see {@link ActorRegistry#successionsFrom}). */
    public static List<Succession> successionsFrom(String code) {
        return REGISTRY.successionsFrom(code);
    }

    /** The states the actor followed (see {@link ActorRegistry#successionsTo}). */
    public static List<Succession> successionsTo(String code) {
        return REGISTRY.successionsTo(code);
    }

    private static String suggestions(String code) {
        List<Actor> close = REGISTRY.closestMatches(code, 3);
        return close.isEmpty() ? "" : "; did you mean " + close.stream()
                .map(a -> a.code() + " (" + a.name() + ")").collect(Collectors.joining(", ")) + "?";
    }
}
