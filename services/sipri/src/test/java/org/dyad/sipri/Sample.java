package org.dyad.sipri;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** SIPRI's real export, read where the published reference texts are kept, and rows made up for single cases. */
final class Sample {

    static final int HEADER_LINE = 12;

    private static byte[] bytes;
    private static SipriReadResult result;

    private Sample() {
    }

    static synchronized byte[] bytes() {
        if (bytes == null) {
            try {
                bytes = Files.readAllBytes(ReferenceDirectory.require(ReferenceDirectory.SIPRI_SAMPLE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes.clone();
    }

    static synchronized SipriReadResult read() {
        if (result == null) {
            result = read(bytes());
        }
        return result;
    }

    static SipriReadResult read(byte[] bytes) {
        try {
            return SipriTradeRegisterReader.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SipriReadResult read(String text) {
        return read(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static List<String> lines() {
        return new String(bytes(), StandardCharsets.ISO_8859_1).lines().toList();
    }

    static SipriRow row(String recipient, String supplier, String designation) {
        return find(read().rows(), recipient, supplier, designation);
    }

    static SipriRow find(List<SipriRow> rows, String recipient, String supplier, String designation) {
        List<SipriRow> found = rows.stream()
                .filter(row -> row.recipient().equals(recipient) && row.supplier().equals(supplier)
                        && row.designation().equals(designation))
                .toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " rows for " + recipient + "/" + supplier + "/"
                    + designation);
        }
        return found.get(0);
    }

    /** A made-up row: numbers ordered and delivered, years, status and comments vary, the rest is fixed. */
    static SipriRow row(String recipient, String supplier, Integer ordered, Integer delivered, List<Integer> years,
                        String comments) {
        return new SipriRow(13, recipient, supplier, 2001, false, ordered, false, "S-300PMU1", "SAM system",
                delivered, false, years, false, "New", comments, new BigDecimal("18.8"),
                ordered == null ? null : new BigDecimal("18.8").multiply(BigDecimal.valueOf(ordered)),
                delivered == null ? null : new BigDecimal("18.8").multiply(BigDecimal.valueOf(delivered)));
    }

    /** The sample's header and preamble, for made-up files. */
    static String preambleAndHeader() {
        return String.join("\n", lines().subList(0, HEADER_LINE)) + "\n";
    }
}
