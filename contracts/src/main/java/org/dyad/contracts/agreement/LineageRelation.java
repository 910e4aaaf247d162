package org.dyad.contracts.agreement;

/** How an agreement relates to an earlier one. */
public enum LineageRelation {
    EXTENDS, AMENDS, SUPERSEDES
}
