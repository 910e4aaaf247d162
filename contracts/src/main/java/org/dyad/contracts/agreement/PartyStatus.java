package org.dyad.contracts.agreement;

/** Where one party stands towards an agreement. */
public enum PartyStatus {
    SIGNED
}
