package org.dyad.contracts.deal;

/** The condition of transferred items, in SIPRI's terms. */
public enum ItemCondition {
    NEW, SECOND_HAND, SECOND_HAND_MODERNISED
}
