package org.dyad.contracts.wire;

/** A record on the topic that is not a Dyad event this reader understands. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
