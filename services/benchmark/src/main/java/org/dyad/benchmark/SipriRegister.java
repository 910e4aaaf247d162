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
