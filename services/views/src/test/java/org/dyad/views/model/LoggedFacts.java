package org.dyad.views.model;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Facts recorded one after another for tests of the fold: event ids e0, e1, …, sequences and positions in order. */
final class LoggedFacts {

    static final Source SIPRI = new Source("SIPRI", "Trade register", null, PartialDate.parse("2025"), null, "en");

    private final List<LoggedFact> facts = new ArrayList<>();

    LoggedFact add(DyadEvent event) {
        LoggedFact fact = new LoggedFact("e" + facts.size(), event.aggregateId(), facts.size(), facts.size() + 1,
                event.getClass().getSimpleName(), event.provenance().recordedAt(), event);
        facts.add(fact);
        return fact;
    }

    List<LoggedFact> all() {
        return facts;
    }

    /** Recorded by an analyst from the source at the instant given. */
    static Provenance by(Source source, String recordedAt) {
        return new Provenance(source, null, Instant.parse(recordedAt), "analyst");
    }
}
