package org.dyad.ledger;

/**
 * The audit a command carries as metadata, and every event it causes with it: which client sent it and the
 * correlation id of the request. Who recorded it and when are part of each event's provenance.
 */
public final class Audit {

    public static final String CLIENT = "dyadClient";
    public static final String CORRELATION_ID = "dyadCorrelationId";
    /** The intake draft whose accepted proposal the command records (absent for commands written by hand). */
    public static final String DRAFT_ID = "dyadDraftId";
    /** The request header that carries a caller's correlation id (one is made when absent). */
    public static final String CORRELATION_HEADER = org.dyad.support.web.RequestCorrelation.HEADER;
    /** The request header naming the client; the user agent is used when absent. */
    public static final String CLIENT_HEADER = "Dyad-Client";

    private Audit() {
    }
}
