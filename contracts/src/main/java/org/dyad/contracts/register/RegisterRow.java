package org.dyad.contracts.register;

import org.dyad.contracts.wire.Described;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One row of a published arms-transfer register exactly as its publisher wrote it: every cell of SIPRI's trade
 * register as text, unparsed and untrimmed ({@code null} for an empty cell), so that the row can be written back as
 * it came in. Dyad's reading of it (actor codes, dates, values) lives in the deal's other events.
 */
@Described("A row of SIPRI's trade register as written: each cell as text, `null` when empty. The flag cells hold "
        + "`?` when SIPRI marks the cell to their left uncertain.")
public record RegisterRow(
        String recipient,
        String supplier,
        String yearOfOrder,
        String yearOfOrderFlag,
        String numberOrdered,
        String numberOrderedFlag,
        String weaponDesignation,
        String weaponDescription,
        String numberDelivered,
        String numberDeliveredFlag,
        String yearsOfDelivery,
        String status,
        String comments,
        String tivPerUnit,
        String tivForTotalOrder,
        String tivOfDeliveredWeapons) {

    /** Each field with the column SIPRI's export names it by, in the export's order. */
    public static final List<Column> COLUMNS = List.of(
            new Column("recipient", "Recipient", RegisterRow::recipient),
            new Column("supplier", "Supplier", RegisterRow::supplier),
            new Column("yearOfOrder", "Year of order", RegisterRow::yearOfOrder),
            new Column("yearOfOrderFlag", "Year of order ?", RegisterRow::yearOfOrderFlag),
            new Column("numberOrdered", "Number ordered", RegisterRow::numberOrdered),
            new Column("numberOrderedFlag", "Number ordered ?", RegisterRow::numberOrderedFlag),
            new Column("weaponDesignation", "Weapon designation", RegisterRow::weaponDesignation),
            new Column("weaponDescription", "Weapon description", RegisterRow::weaponDescription),
            new Column("numberDelivered", "Number delivered", RegisterRow::numberDelivered),
            new Column("numberDeliveredFlag", "Number delivered ?", RegisterRow::numberDeliveredFlag),
            new Column("yearsOfDelivery", "Year(s) of delivery", RegisterRow::yearsOfDelivery),
            new Column("status", "status", RegisterRow::status),
            new Column("comments", "Comments", RegisterRow::comments),
            new Column("tivPerUnit", "SIPRI TIV per unit", RegisterRow::tivPerUnit),
            new Column("tivForTotalOrder", "SIPRI TIV for total order", RegisterRow::tivForTotalOrder),
            new Column("tivOfDeliveredWeapons", "SIPRI TIV of delivered weapons", RegisterRow::tivOfDeliveredWeapons));

    /**
     * A column of the register.
     *
     * @param field the field's name in Dyad's JSON
     * @param name  the column's heading in SIPRI's export; the unnamed flag columns are named after the column they
     *              qualify, followed by " ?"
     */
    public record Column(String field, String name, Function<RegisterRow, String> cell) {
    }

    /** The cells in the export's order, {@code null} for empty ones. */
    public List<String> cells() {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        COLUMNS.forEach(c -> cells.add(c.cell().apply(this)));
        return cells;
    }

    /** A row from its cells in the export's order; an empty cell becomes {@code null}. */
    public static RegisterRow of(List<String> cells) {
        if (cells.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("a register row has " + COLUMNS.size() + " cells, not "
                    + cells.size());
        }
        String[] c = cells.stream().map(s -> s == null || s.isEmpty() ? null : s).toArray(String[]::new);
        return new RegisterRow(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12],
                c[13], c[14], c[15]);
    }

    /** The cells that differ from an earlier statement of the row, in the export's order. */
    public List<RegisterFieldChange> changesSince(RegisterRow before) {
        List<RegisterFieldChange> changes = new ArrayList<>();
        for (Column column : COLUMNS) {
            String was = before == null ? null : column.cell().apply(before);
            String is = column.cell().apply(this);
            if (!Objects.equals(was, is)) {
                changes.add(new RegisterFieldChange(column.field(), column.name(), was, is));
            }
        }
        return changes;
    }
}
