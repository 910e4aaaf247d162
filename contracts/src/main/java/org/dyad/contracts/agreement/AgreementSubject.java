package org.dyad.contracts.agreement;

import org.dyad.contracts.wire.Described;

/** What an agreement is about. */
@Described("What an agreement is about.")
public enum AgreementSubject {
    GENERAL_RELATIONS, MILITARY_COOPERATION, ARMS_TRADE, ARMS_CONTROL, NUCLEAR, ECONOMIC, ENERGY, MARITIME_BOUNDARY,
    SECURITY, TECHNOLOGY, OTHER
}
