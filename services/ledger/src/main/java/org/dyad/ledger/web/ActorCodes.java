package org.dyad.ledger.web;

/** The form of actor codes accepted in requests (ISO 3166-1 alpha-3 and Dyad's documented codes). */
final class ActorCodes {

    static final String PATTERN = "[A-Z]{3}";
    static final String MESSAGE = "must be a three-letter actor code such as RUS or IRN";

    private ActorCodes() {
    }
}
