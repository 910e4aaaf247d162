package org.dyad.subscriber;

import org.dyad.contracts.wire.UnreadableEventException;

/**
 * A well-formed CloudEvent whose type this version of the contracts does not know, typically an event type or
 * version Dyad added later. Subscribers skip these rather than treat them as damage, so that Dyad can add events
 * without breaking them.
 */
public class UnknownEventTypeException extends UnreadableEventException {

    private final String type;

    public UnknownEventTypeException(String type, String message) {
        super(message);
        this.type = type;
    }

    /** The CloudEvents type that was not recognised. */
    public String type() {
        return type;
    }
}
