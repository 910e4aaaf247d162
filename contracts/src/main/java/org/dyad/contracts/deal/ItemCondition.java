package org.dyad.contracts.deal;

import org.dyad.contracts.wire.Described;

/** The condition of transferred items, in SIPRI's terms. */
@Described("The condition of transferred items, in SIPRI's terms.")
public enum ItemCondition {
    NEW, SECOND_HAND, SECOND_HAND_MODERNISED
}
