package org.dyad.contracts.register;

import org.dyad.contracts.wire.Described;

/**
 * A cell of a register row that a newer release states differently.
 *
 * @param field  the field of {@link RegisterRow}
 * @param column the column's heading in the publisher's export
 * @param before the cell as the earlier release wrote it, {@code null} when empty
 * @param after  the cell as this release writes it, {@code null} when empty
 */
@Described("A cell a newer release states differently: the field, SIPRI's column heading, the cell before and after "
        + "(`null` when empty).")
public record RegisterFieldChange(String field, String column, String before, String after) {
}
