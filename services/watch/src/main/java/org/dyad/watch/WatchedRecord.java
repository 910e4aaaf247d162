package org.dyad.watch;

import java.util.List;

/**
 * What the watchlists know of a record from its events so far: its kind ({@code deal}, {@code agreement} ...), the
 * actors it names (a deal's supplier and recipient; an agreement's parties), its items' designations and categories,
 * its stage and status, and the sequence number of the last of its events read.
 */
public record WatchedRecord(String recordId, String kind, String supplier, String recipient, List<String> actors,
                            List<String> designations, List<String> categories, String stage, String status,
                            long lastSequence) {

    static WatchedRecord first(String recordId, String kind) {
        return new WatchedRecord(recordId, kind, null, null, List.of(), List.of(), List.of(), null, null, -1);
    }
}
