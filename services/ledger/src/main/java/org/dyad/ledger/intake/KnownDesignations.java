package org.dyad.ledger.intake;

import java.util.Collection;

/**
 * The weapon designations of the deals on record (SIPRI's included), which the intake's engine recognises beside its
 * own list. The read side provides them; without one the engine knows only its own.
 */
@FunctionalInterface
public interface KnownDesignations {

    Collection<String> designations();
}
