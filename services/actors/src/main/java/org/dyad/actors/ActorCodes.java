package org.dyad.actors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The codes by which other datasets name the states of the shipped actor list, so that Dyad's data merges with them:
 * ISO 3166-1 alpha-2 (ISO 3166-3's former codes for dissolved states, {@code XK} for Kosovo), the Correlates of War
 * state system's number and abbreviation, and Gleditsch and Ward's number (including their list of microstates).
 * A state has a row when any of these codes exists for it; companies, groups and organisations have none.
 * <p>
 * Where the two state lists differ the file follows each: Germany is CoW 255 ({@code GMY}) but Gleditsch–Ward 260
 * (which they keep for the Federal Republic before and after 1990); unified Yemen is CoW 679 but Gleditsch–Ward 678;
 * Serbia is CoW 345 ({@code YUG}) but Gleditsch–Ward 340; the Soviet Union and Russia share 365 in both.
 */
public final class ActorCodes {

    static final String RESOURCE = "actor-codes.csv";
    static final List<String> COLUMNS = List.of("code", "iso2", "cow_num", "cow_abb", "gw_num");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    /**
     * One actor's codes; each is {@code null} where it does not exist.
     *
     * @param code            the actor's code in Dyad
     * @param iso2            ISO 3166-1 alpha-2 (or ISO 3166-3's former alpha-2)
     * @param cowNumber       Correlates of War state number (ccode)
     * @param cowAbbreviation Correlates of War state abbreviation (stateabb)
     * @param gwNumber        Gleditsch–Ward state number
     */
    public record Codes(String code, String iso2, Integer cowNumber, String cowAbbreviation, Integer gwNumber) {

        /** ISO 3166 alpha-3: a state's Dyad code is its alpha-3 whenever it has an ISO alpha-2. */
        public String iso3() {
            return iso2 == null ? null : code;
        }
    }

    private final Map<String, Codes> byCode;

    private ActorCodes(Map<String, Codes> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** The codes shipped with Dyad, read once. */
    public static ActorCodes standard() {
        return Standard.INSTANCE;
    }

    /** The codes of an actor; empty for an actor without any (a company, a group, an organisation). */
    public Optional<Codes> of(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<Codes> all() {
        return byCode.values();
    }

    static ActorCodes read(InputStream csv, String name) {
        Map<String, Codes> byCode = new LinkedHashMap<>();
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : FORMAT.parse(reader)) {
                if (!row.getParser().getHeaderNames().equals(COLUMNS)) {
                    throw new IllegalStateException(name + " must have the columns " + COLUMNS);
                }
                String code = row.get("code");
                Codes codes = new Codes(code, text(row.get("iso2")), number(row.get("cow_num"), name, code),
                        text(row.get("cow_abb")), number(row.get("gw_num"), name, code));
                if (byCode.put(code, codes) != null) {
                    throw new IllegalStateException(name + " lists " + code + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return new ActorCodes(byCode);
    }

    private static String text(String cell) {
        return cell.isEmpty() ? null : cell;
    }

    private static Integer number(String cell, String name, String code) {
        try {
            return cell.isEmpty() ? null : Integer.valueOf(cell);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + ": " + code + " has a state number that is not a number: " + cell);
        }
    }

    private static final class Standard {
        private static final ActorCodes INSTANCE = load();

        private static ActorCodes load() {
            try (InputStream csv = ActorCodes.class.getResourceAsStream(RESOURCE)) {
                if (csv == null) {
                    throw new IllegalStateException("the actor codes " + RESOURCE + " are missing from the classpath");
                }
                return read(csv, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
