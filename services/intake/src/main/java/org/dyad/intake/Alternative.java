package org.dyad.intake;

/**
 * A value the engine considered for a field, with its score (0..1, higher is likelier): an actor's code, a designation
 * or an amount in another currency.
 */
public record Alternative(String value, double score, String reason) {
}
