package org.dyad.contracts.deal;

import org.dyad.contracts.wire.Described;

/**
 * How the transfer is made, as SIPRI notes it: produced under licence in the recipient country, leased rather than
 * sold, or given as aid.
 */
@Described("How the transfer is made, as SIPRI notes it: produced under licence in the recipient country, leased "
        + "rather than sold, or given as aid.")
public record DealTerms(boolean licensedProduction, boolean lease, boolean aid) {
}
