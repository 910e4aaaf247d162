package org.dyad.ledger;

/**
 * A command that the record's current state does not allow (deliver a cancelled deal, resume a deal that is not
 * suspended). Nothing is written; the API answers 409 with the reason.
 */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String reason) {
        super(reason);
    }

    public static void check(boolean allowed, String reason) {
        if (!allowed) {
            throw new IllegalTransitionException(reason);
        }
    }
}
