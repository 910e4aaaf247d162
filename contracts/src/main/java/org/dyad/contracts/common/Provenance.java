package org.dyad.contracts.common;

import org.dyad.contracts.wire.Described;

import java.time.Instant;

/**
 * Where an event's fact comes from and how Dyad came to hold it: the source and its grade as given by the analyst,
 * and when and by whom it was recorded, as set by Dyad.
 */
@Described("Where the event's fact comes from (`source` and `grade`, as the analyst gave them) and when and by "
        + "whom Dyad recorded it (`recordedAt`, `recordedBy`).")
public record Provenance(Source source, AdmiraltyGrade grade, Instant recordedAt, String recordedBy) {
}
