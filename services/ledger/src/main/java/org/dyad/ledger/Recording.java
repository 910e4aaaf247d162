package org.dyad.ledger;

import org.axonframework.eventhandling.GenericEventMessage;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;

import static org.dyad.ledger.RuleViolationException.require;

/** What every recording command needs: a source and a date; and the provenance Dyad adds to its event. */
public final class Recording {

    private Recording() {
    }

    /** The provenance of an event recorded now (Axon's event clock, which tests can fix). */
    public static Provenance provenance(Source source, AdmiraltyGrade grade, String recordedBy) {
        require(source != null, "source", "every recorded fact needs a source");
        return new Provenance(source, grade, GenericEventMessage.clock.instant(), recordedBy);
    }

    public static void requireDate(String field, PartialDate date) {
        require(date != null, field, "the date is required");
    }

    /** A fact about a record cannot predate the record itself. */
    public static void requireNotBefore(String field, PartialDate date, PartialDate start, String what) {
        requireDate(field, date);
        require(!date.latest().isBefore(start.earliest()), field, date + " is before " + what + " (" + start + ")");
    }
}
