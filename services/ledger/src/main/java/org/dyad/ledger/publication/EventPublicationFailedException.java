package org.dyad.ledger.publication;

/** Kafka did not acknowledge a batch; the publisher keeps its token and tries the batch again. */
public class EventPublicationFailedException extends RuntimeException {

    public EventPublicationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
