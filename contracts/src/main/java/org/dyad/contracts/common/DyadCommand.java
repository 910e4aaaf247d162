package org.dyad.contracts.common;

/**
 * A command to one deal, agreement or statement. The ledger routes it to the record named by {@link #targetId()};
 * when {@link #expectedVersion()} is set, the command is refused unless the record is still at that version (the
 * {@code ETag} a client read), so that two analysts cannot overwrite each other unknowingly.
 */
public interface DyadCommand {

    /** The id of the deal, agreement or statement the command is for. */
    String targetId();

    /** The version the record must be at for the command to apply; {@code null} applies it to any version. */
    default Long expectedVersion() {
        return null;
    }
}
