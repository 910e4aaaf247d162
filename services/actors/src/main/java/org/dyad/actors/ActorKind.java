package org.dyad.actors;

/** What kind of party an actor is; SIPRI marks non-state groups with {@code *} and organisations with {@code **}. */
public enum ActorKind {
    /** A current state or an ISO 3166-1 territory. */
    STATE,
    /** A state that no longer exists; its successors carry on its relations. */
    DISSOLVED_STATE,
    /** A rebel movement, militia or sub-state authority. */
    NON_STATE_GROUP,
    /** An alliance or organisation of states that supplies or receives arms in its own name. */
    INTERNATIONAL_ORGANISATION,
    /** A party the source could not identify. */
    UNKNOWN
}
