package org.dyad.ledger.web;

/**
 * What a recording command answers.
 *
 * @param id               the deal or agreement
 * @param version          the aggregate's version after the command (its last event's sequence number)
 * @param position         the last event's position in the event store
 * @param consistencyToken pass as {@code waitFor} to a view to read your own write
 */
public record RecordedResponse(String id, long version, long position, String consistencyToken) {

    static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{2,63}";
    static final String ID_MESSAGE = "must be 3-64 lower-case letters, digits or '-'";

    static RecordedResponse of(String id, long version, long position) {
        return new RecordedResponse(id, version, position, id + "@" + version);
    }
}
