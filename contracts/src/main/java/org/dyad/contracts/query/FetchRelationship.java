package org.dyad.contracts.query;

/** Fetch everything between two actors, in either direction; the order of the two does not matter. */
public record FetchRelationship(String partyA, String partyB) {
}
