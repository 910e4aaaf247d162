package org.dyad.contracts.register;

import org.dyad.contracts.wire.Described;

/**
 * What one import of a release did with the file's rows.
 *
 * @param rows      data rows read, including the refused ones
 * @param imported  rows recorded as new deals
 * @param revised   rows that revise a deal of an earlier release
 * @param unchanged rows that state a deal as an earlier release (or this one, imported before) did
 * @param dropped   deals of earlier releases this release no longer lists (within the pairs it lists)
 * @param refused   rows refused, each reported with its line and reason
 * @param ambiguous rows that could match more than one deal of an earlier release, reported and not recorded
 * @param repaired  rows put back together from lines broken inside a field
 */
@Described("What one import of a release did with its rows: read, imported as new deals, revised, unchanged, "
        + "dropped deals, refused, ambiguous (reported, not recorded) and repaired rows.")
public record RegisterImportCounts(int rows, int imported, int revised, int unchanged, int dropped, int refused,
                                   int ambiguous, int repaired) {
}
