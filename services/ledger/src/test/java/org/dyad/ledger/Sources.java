package org.dyad.ledger;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;

/** The seed article as a source, and the provenance a fixture's events get, for tests. */
public final class Sources {

    public static final Source LA_TIMES_2001 = new Source("Los Angeles Times",
            "Russia, Iran Reach Military, Economic Accords", null, PartialDate.parse("2001-03-13"),
            "a pair of agreements", "en");
    public static final AdmiraltyGrade B2 = AdmiraltyGrade.parse("B2");
    public static final String ANALYST = "analyst";

    private Sources() {
    }

    /** The provenance of an event recorded by the fixture's current time. */
    public static Provenance recorded(AggregateTestFixture<?> fixture) {
        return new Provenance(LA_TIMES_2001, B2, fixture.currentTime(), ANALYST);
    }

    public static PartialDate date(String text) {
        return PartialDate.parse(text);
    }
}
