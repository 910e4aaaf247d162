package org.dyad.sipri;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dyad.actors.ActorRegistry;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The names SIPRI writes for Dyad's actors ("UAE", "Turkiye", "Hezbollah (Lebanon)*"), so that an export reads as
 * SIPRI's own. An actor SIPRI has no known name for is written with its reference-list name.
 */
public final class SipriNames {

    private static final Map<String, String> BY_CODE = load();

    private SipriNames() {
    }

    public static String nameOf(String code) {
        String name = BY_CODE.get(code);
        if (name != null) {
            return name;
        }
        return ActorRegistry.standard().byCode(code).map(a -> a.name()).orElse(code);
    }

    private static Map<String, String> load() {
        Map<String, String> names = new HashMap<>();
        try (Reader in = new InputStreamReader(SipriNames.class.getResourceAsStream("sipri-names.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                names.put(record.get("code"), record.get("sipri_name"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SIPRI's actor names", e);
        }
        return Map.copyOf(names);
    }
}
