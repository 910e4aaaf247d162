package org.dyad.contracts.agreement;

import org.dyad.contracts.wire.Described;

/** How an agreement relates to an earlier one. */
@Described("How an agreement relates to an earlier one.")
public enum LineageRelation {
    EXTENDS, AMENDS, SUPERSEDES
}
