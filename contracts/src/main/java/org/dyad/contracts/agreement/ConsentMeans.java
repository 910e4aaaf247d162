package org.dyad.contracts.agreement;

import org.dyad.contracts.wire.Described;

/** How a party consented to be bound, in the UN Treaty Collection's terms. */
@Described("How a party consented to be bound, in the UN Treaty Collection's terms.")
public enum ConsentMeans {
    DEFINITIVE_SIGNATURE, RATIFICATION, ACCEPTANCE, APPROVAL, ACCESSION, SUCCESSION
}
