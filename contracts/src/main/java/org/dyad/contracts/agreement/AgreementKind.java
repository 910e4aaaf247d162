package org.dyad.contracts.agreement;

import org.dyad.contracts.wire.Described;

/** The instrument's form, as the UN Treaty Collection distinguishes them. */
@Described("The instrument's form, as the UN Treaty Collection distinguishes them.")
public enum AgreementKind {
    TREATY, AGREEMENT, MEMORANDUM, AIDE_MEMOIRE, JOINT_STATEMENT, EXCHANGE_OF_NOTES
}
