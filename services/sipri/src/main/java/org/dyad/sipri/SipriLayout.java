package org.dyad.sipri;

import java.util.List;

/** The columns of SIPRI's trade-register CSV export, shared by the reader and the writer. */
final class SipriLayout {

    /** SIPRI names the three flag columns with a single space; each holds {@code ?} for the column to its left. */
    static final List<String> COLUMNS = List.of("Recipient", "Supplier", "Year of order", " ", "Number ordered", " ",
            "Weapon designation", "Weapon description", "Number delivered", " ", "Year(s) of delivery", "status",
            "Comments", "SIPRI TIV per unit", "SIPRI TIV for total order", "SIPRI TIV of delivered weapons");
    static final String HEADER = String.join(",", COLUMNS);
    static final int WIDTH = COLUMNS.size();

    static final int RECIPIENT = 0;
    static final int SUPPLIER = 1;
    static final int ORDER_YEAR = 2;
    static final int ORDER_YEAR_FLAG = 3;
    static final int NUMBER_ORDERED = 4;
    static final int NUMBER_ORDERED_FLAG = 5;
    static final int DESIGNATION = 6;
    static final int DESCRIPTION = 7;
    static final int NUMBER_DELIVERED = 8;
    static final int NUMBER_DELIVERED_FLAG = 9;
    static final int DELIVERY_YEARS = 10;
    static final int STATUS = 11;
    static final int COMMENTS = 12;
    static final int TIV_PER_UNIT = 13;
    static final int TIV_TOTAL_ORDER = 14;
    static final int TIV_DELIVERED = 15;

    static final String UNCERTAIN = "?";
    static final String YEAR_SEPARATOR = "; ";
    static final String GENERATED_PREFIX = "Data generated:";

    private SipriLayout() {
    }
}
