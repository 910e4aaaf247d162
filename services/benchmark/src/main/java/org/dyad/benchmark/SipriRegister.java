package org.dyad.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A SIPRI trade register of any size made from the sample export: its rows repeated (SIPRI's own repeated rows
 * become distinct deals), and, for a variant other than 0, every designation marked with it, so that each variant
 * is a register of new deals rather than a re-import.
 */
final class SipriRegister {

    private static final int DESIGNATION = 6;
    private static final int DESCRIPTION = 7;
    private static final int NUMBER_DELIVERED = 8;
    private static final int DELIVERY_YEARS = 10;
    private final List<String> preamble = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();

    SipriRegister(Path sample) throws IOException {
        boolean header = false;
        for (String line : Files.readAllLines(sample, StandardCharsets.ISO_8859_1)) {
            if (!header) {
                preamble.add(line);
                header = line.startsWith("Recipient,Supplier");
            } else if (!line.isBlank()) {
                rows.add(line);
            }
        }
        if (!header || rows.isEmpty()) {
            throw new IllegalArgumentException(sample + " is not a SIPRI trade-register export");
        }
    }

    int sampleRows() {
        return rows.size();
    }

    byte[] generate(int size, int variant) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size * 160);
        for (String line : preamble) {
            write(out, line);
        }
        for (int i = 0; i < size; i++) {
            write(out, variant == 0 ? rows.get(i % rows.size()) : mark(rows.get(i % rows.size()), variant));
        }
        return out.toByteArray();
    }

    /**
     * A later release of the register {@link #generate(int, int)} made: the same rows, generated on a later date, with
     * the kinds of change SIPRI's yearly releases make in every {@code changeEvery}-th row (a reworded description,
     * one more delivered in a later year), so that an import of it revises those deals and restates the others.
     * Each {@code round} changes the same rows anew (the description reworded once more, one more delivered again):
     * the register repeats its sample's rows, and a row changed back to what an earlier release wrote for another
     * copy of it would match that copy's deal unchanged instead of revising its own.
     */
    byte[] nextRelease(int size, int variant, String generated, int changeEvery, int round) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size * 160);
        for (String line : preamble) {
            write(out, line.startsWith("Data generated:") ? "Data generated: " + generated : line);
        }
        for (int i = 0; i < size; i++) {
            String row = variant == 0 ? rows.get(i % rows.size()) : mark(rows.get(i % rows.size()), variant);
            write(out, i % changeEvery == 0 ? revise(row, i / changeEvery, round) : row);
        }
        return out.toByteArray();
    }

    /**
     * Every other changed row gets a reworded description, the rest one more delivered, in 2025; each later
     * {@code round} rewords again and adds one more.
     */
    static String revise(String row, int change, int round) {
        String[] fields = row.split(",", -1);
        if (fields.length != 16 || row.contains("\"")) {
            return row;
        }
        if (change % 2 == 0) {
            fields[DESCRIPTION] = (fields[DESCRIPTION].isBlank() ? "weapon" : fields[DESCRIPTION])
                    + " (as revised" + " again".repeat(round) + ")";
        } else {
            fields[NUMBER_DELIVERED] = String.valueOf((fields[NUMBER_DELIVERED].matches("[0-9]+")
                    ? Integer.parseInt(fields[NUMBER_DELIVERED]) : 0) + 1 + round);
            fields[DELIVERY_YEARS] = fields[DELIVERY_YEARS].isBlank() ? "2025" : fields[DELIVERY_YEARS] + "; 2025";
        }
        return String.join(",", fields);
    }

    static String mark(String row, int variant) {
        String[] fields = row.split(",", -1);
        if (fields.length <= DESIGNATION || fields[DESIGNATION].isBlank()) {
            return row;
        }
        fields[DESIGNATION] = fields[DESIGNATION] + " v" + variant;
        return String.join(",", fields);
    }

    private static void write(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[]{'\r', '\n'});
    }
}
