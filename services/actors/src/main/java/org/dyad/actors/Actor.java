package org.dyad.actors;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A party to transfers and treaties: a state, a dissolved state, a company or state agency acting for a state, a
 * non-state group, an international organisation or an unknown party. Validity is half-open so that a dissolved state's {@code validTo} can equal its successor's
 * {@code validFrom} (the Soviet Union until 1991-12-26, Russia from 1991-12-26) with neither gap nor overlap.
 *
 * @param code       three upper-case letters: ISO 3166-1 alpha-3, ISO 3166-3 or a Dyad code (see {@link ActorRegistry})
 * @param name       the common English short name
 * @param validFrom  first day the actor existed, or {@code null} when it predates every record
 * @param validTo    first day the actor no longer existed, or {@code null} while it exists
 * @param successors codes of the actors that followed it, from the registry's successions ({@link Succession})
 * @param aliases    other names, including the exact names SIPRI uses
 * @param belongsTo  for a company or a state agency, the code of the state it belongs to; {@code null} otherwise
 */
public record Actor(String code, String name, ActorKind kind, LocalDate validFrom, LocalDate validTo,
                    List<String> successors, List<String> aliases, String belongsTo) {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    public Actor {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code '" + code + "' is not three upper-case letters");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("name of " + code + " is blank");
        }
        if (validFrom != null && validTo != null && !validFrom.isBefore(validTo)) {
            throw new IllegalArgumentException(
                    code + " must start (" + validFrom + ") before it ends (" + validTo + ")");
        }
        if (kind.actsForState() != (belongsTo != null)) {
            throw new IllegalArgumentException(kind.actsForState()
                    ? code + " is " + kind + " so it needs the state it belongs to"
                    : code + " is " + kind + " so it belongs to no state");
        }
        successors = successors == null ? List.of() : List.copyOf(successors);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** Creates an actor that belongs to no state. */
    public Actor(String code, String name, ActorKind kind, LocalDate validFrom, LocalDate validTo,
                 List<String> successors, List<String> aliases) {
        this(code, name, kind, validFrom, validTo, successors, aliases, null);
    }

    /** Whether the actor existed on that day, so that a deal or treaty dated then may name it. */
    public boolean existedOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || date.isBefore(validTo));
    }
}
