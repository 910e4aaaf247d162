package org.dyad.intake;

/** The kinds of text the intake reads, each by its own rules. */
public enum TextKind {
    /** A US Defense Security Cooperation Agency press release on a possible Foreign Military Sale. */
    DSCA_NOTIFICATION,
    /** The Federal Register's "Arms Sales Notification": the transmittal to Congress with its numbered sections. */
    FEDERAL_REGISTER_TRANSMITTAL,
    /** A news report, read sentence by sentence. */
    NEWS_REPORT
}
