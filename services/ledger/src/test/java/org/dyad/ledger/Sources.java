package org.dyad.ledger;

import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** The seed article as a source, for tests. */
public final class Sources {

    public static final Source LA_TIMES_2001 = new Source("Los Angeles Times",
            "Russia, Iran Reach Military, Economic Accords", null, PartialDate.parse("2001-03-13"),
            "a pair of agreements", "en");

    private Sources() {
    }
}
