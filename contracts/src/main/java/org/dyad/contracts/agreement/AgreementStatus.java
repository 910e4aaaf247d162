package org.dyad.contracts.agreement;

/** The agreement as a whole: signed but not yet in force, in force, or ended. */
public enum AgreementStatus {
    SIGNED, IN_FORCE, EXPIRED, TERMINATED
}
