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
    /** A manufacturer or trader of arms, owned by or based in the state it {@linkplain Actor#belongsTo() belongs to}. */
    COMPANY,
    /** A state's own body that signs or manages arms deals for it, such as an export agency. */
    STATE_AGENCY,
    /** A party the source could not identify. */
    UNKNOWN;

    /** Whether actors of this kind act for a state and so name the state they belong to. */
    public boolean actsForState() {
        return this == COMPANY || this == STATE_AGENCY;
    }
}
