package org.dyad.contracts.actor;

import org.dyad.contracts.wire.Described;

/**
 * The kinds of actor that may be recorded beside the shipped reference list: those that take a code from ISO 3166's
 * user-assigned range. SIPRI marks non-state groups with {@code *} and organisations with {@code **}.
 */
@Described("What kind of party a recorded actor is: `NON_STATE_GROUP` (a rebel movement, militia or sub-state "
        + "authority; SIPRI marks it `*`), `INTERNATIONAL_ORGANISATION` (an organisation of states; SIPRI marks it "
        + "`**`), `UNKNOWN` (a party the source could not identify).")
public enum RecordedActorKind {
    NON_STATE_GROUP, INTERNATIONAL_ORGANISATION, UNKNOWN
}
