package org.dyad.actors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The reference list of actors, so that every service names a party by the same code and reads SIPRI's names
 * without a mapping of its own.
 *
 * <p>Codes:
 * <ul>
 *   <li>Current states and territories: ISO 3166-1 alpha-3, all of kind {@link ActorKind#STATE}. Kosovo, which ISO
 *       does not list, uses {@code XKX} as the EU and the IMF do.</li>
 *   <li>Dissolved states: ISO 3166-3 ({@code SUN}, {@code YUG}, {@code SCG}, {@code CSK}, {@code DDR},
 *       {@code YMD}). North Yemen is {@code YAR}, a Dyad code: ISO gave it {@code YEM}, which unified Yemen kept.
 *       South Vietnam (the State, then Republic, of Vietnam) is {@code RVN}, a Dyad code after the Correlates of
 *       War abbreviation; Viet Nam ({@code VNM}) continues the north.
 *       {@code YUG} lasts until 2003-02-04 and is succeeded by {@code SCG}, because SIPRI writes "Yugoslavia"
 *       for the Federal Republic of Yugoslavia as well as for the SFRY; the republics that left in 1991-92 start
 *       on their own dates and overlap it.</li>
 *   <li>Non-state groups and unknown parties: {@code XAA}-{@code XZZ} (other than {@code XKX}), from ISO's
 *       user-assigned range.</li>
 *   <li>International organisations: {@code Q..} codes, kept clear of ISO's {@code QAT} (Qatar).</li>
 *   <li>Companies (manufacturers and traders): {@code C..}; state agencies (such as an export agency): {@code G..}.
 *       Each names the state it belongs to ({@code belongs_to}, which must be a state's code) and may be named as
 *       the signer of a deal of that state. ISO 3166 uses some {@code C..} and {@code G..} codes for states
 *       ({@code CHN}, {@code GBR}, ...): a company or agency takes a code that no state holds (the list refuses a
 *       duplicate code), chosen from its name ({@code CLM} Lockheed Martin, {@code GRO} Rosoboronexport).</li>
 * </ul>
 *
 * <p>{@code validTo} is the first day an actor no longer existed (Czechoslovakia until 1993-01-01, its successors
 * from 1993-01-01). Among current states only those born of the dissolutions above, and Kosovo, carry a start date;
 * Germany, which continued West Germany, does not. Serbia starts with Montenegro on 2006-06-03, the day Montenegro's
 * independence ended Serbia and Montenegro, rather than on 2006-06-05 when it declared itself the continuing state,
 * so that no day falls between them.
 *
 * <p>Successions ({@value #SUCCESSIONS_RESOURCE}) say how each state followed another and on which day: Russia
 * continued the Soviet Union, the other republics separated from it (the Baltic states restored their independence),
 * Czechoslovakia dissolved, the two Yemens united, Germany absorbed the GDR and Viet Nam the south. An actor's
 * {@link Actor#successors()} come from them.
 *
 * <p>Names and aliases match ignoring case, accents, surrounding and repeated spaces, typographic apostrophes and
 * {@code &} for "and"; SIPRI's own spellings, with their {@code *} and {@code **} marks, are aliases. Demonyms
 * ({@value #DEMONYMS_RESOURCE}: "Chinese") are searched ({@link #search}) but do not resolve a source's names.
 *
 * <p>Actors recorded while Dyad runs (groups and organisations a source names that the shipped list does not know)
 * are added with {@link #record}: from then on every reader of this registry knows them like shipped ones. Readers
 * never lock; recording is serialised and publishes a new ordered list of all actors.
 */
public final class ActorRegistry {

    static final String RESOURCE = "actors.csv";
    static final List<String> COLUMNS =
            List.of("code", "name", "kind", "valid_from", "valid_to", "aliases", "belongs_to");
    static final String SUCCESSIONS_RESOURCE = "successions.csv";
    static final List<String> SUCCESSION_COLUMNS = List.of("predecessor", "successor", "kind", "on", "note");
    static final String DEMONYMS_RESOURCE = "demonyms.csv";
    static final List<String> DEMONYM_COLUMNS = List.of("code", "demonyms");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();
    /** A name that starts with what was typed ranks between an exact code and a code one letter off. */
    private static final double PREFIX_SCORE = 0.5;
    /** A letter wrong in a name costs more than a letter wrong in a code. */
    private static final double NAME_WEIGHT = 1.5;
    /** A whole word of a name ("Korea"), or a name with more after it ("Yugoslavia (FRY)"), ranks below both. */
    private static final double WORD_SCORE = 1.25;

    /** Every actor ordered by code; replaced as a whole when an actor is recorded, so readers never lock. */
    private volatile List<Actor> all;
    private final Map<String, Actor> byCode;
    private final Map<String, List<Succession>> successionsFrom = new HashMap<>();
    private final Map<String, List<Succession>> successionsTo = new HashMap<>();
    private final Map<String, Actor> byName;
    private final Map<String, List<String>> keysByCode = new ConcurrentHashMap<>();
    /** Demonyms by code ("Chinese" for CHN), searched but not used to resolve a source's names. */
    private final Map<String, List<String>> demonymsByCode = new HashMap<>();
    /** The codes of actors recorded while Dyad runs ({@link #record}), beside the shipped list. */
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();
    // Spellings met before, as written: an import asks for the same few hundred names on every row, and
    // normalising (Unicode decomposition, two regular expressions) is a noticeable part of mapping a row.
    private final Map<String, Actor> bySpelling = new ConcurrentHashMap<>();
    private static final int MAX_SPELLINGS = 10_000;

    private ActorRegistry(Map<String, Actor> byCode, Map<String, Actor> byName, List<Succession> successions) {
        this.byCode = new ConcurrentHashMap<>(byCode);
        this.byName = new ConcurrentHashMap<>(byName);
        this.all = List.copyOf(byCode.values());
        byName.forEach((key, actor) -> keysByCode.computeIfAbsent(actor.code(), code -> new ArrayList<>()).add(key));
        for (Succession succession : successions) {
            successionsFrom.computeIfAbsent(succession.predecessor(), code -> new ArrayList<>()).add(succession);
            successionsTo.computeIfAbsent(succession.successor(), code -> new ArrayList<>()).add(succession);
        }
    }

    /** The list shipped with Dyad, read once. */
    public static ActorRegistry standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        private static final ActorRegistry INSTANCE = loadStandard();
    }

    /** Reads the shipped list anew: a registry of its own, with none of the actors recorded in another. */
    static ActorRegistry loadStandard() {
        try (InputStream actors = ActorRegistry.class.getResourceAsStream(RESOURCE);
             InputStream successions = ActorRegistry.class.getResourceAsStream(SUCCESSIONS_RESOURCE);
             InputStream demonyms = ActorRegistry.class.getResourceAsStream(DEMONYMS_RESOURCE)) {
            if (actors == null || successions == null || demonyms == null) {
                throw new IllegalStateException("the actor list " + RESOURCE + " or its " + SUCCESSIONS_RESOURCE
                        + " or " + DEMONYMS_RESOURCE + " is missing from the classpath");
            }
            ActorRegistry registry = read(actors, RESOURCE, successions, SUCCESSIONS_RESOURCE);
            registry.readDemonyms(demonyms, DEMONYMS_RESOURCE);
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads and checks a UTF-8 actor list with the columns {@link #COLUMNS}, without successions. */
    static ActorRegistry read(InputStream csv, String source) {
        return read(csv, source, null, null);
    }

    /**
     * Reads and checks a UTF-8 actor list with the columns {@link #COLUMNS} and its successions with the columns
     * {@link #SUCCESSION_COLUMNS}; every dissolved state must have a successor.
     *
     * @param source the name used in error messages
     * @throws IllegalStateException naming the file and line of the first problem found
     */
    static ActorRegistry read(InputStream csv, String source, InputStream successionsCsv, String successionsSource) {
        Map<String, Actor> byCode = new TreeMap<>();
        Map<String, Long> lineOfCode = new HashMap<>();
        Map<String, Actor> byName = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(csv, StandardCharsets.UTF_8), FORMAT)) {
            if (!parser.getHeaderNames().equals(COLUMNS)) {
                throw new IllegalStateException(source + " line 1: header must be " + String.join(",", COLUMNS)
                        + " but is " + String.join(",", parser.getHeaderNames()));
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                Actor actor = parse(record, source, line);
                Long first = lineOfCode.putIfAbsent(actor.code(), line);
                if (first != null) {
                    throw problem(source, line, "duplicate code '" + actor.code() + "', first on line " + first);
                }
                byCode.put(actor.code(), actor);
                for (String name : names(actor)) {
                    String key = normalise(name);
                    Actor holder = byName.putIfAbsent(key, actor);
                    if (holder != null) {
                        throw problem(source, line, "duplicate name or alias '" + name + "', already "
                                + holder.code() + " on line " + lineOfCode.get(holder.code()));
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException(source + " cannot be read as CSV: " + e.getMessage(), e);
        }
        for (Actor actor : byCode.values()) {
            if (actor.belongsTo() != null) {
                Actor state = byCode.get(actor.belongsTo());
                if (state == null || (state.kind() != ActorKind.STATE && state.kind() != ActorKind.DISSOLVED_STATE)) {
                    throw problem(source, lineOfCode.get(actor.code()), actor.code() + " belongs to '"
                            + actor.belongsTo() + "', which is not a state's code");
                }
            }
        }
        List<Succession> successions = successionsCsv == null ? List.of()
                : readSuccessions(successionsCsv, successionsSource, byCode);
        if (successionsCsv != null) {
            for (Actor actor : List.copyOf(byCode.values())) {
                List<String> successors = successions.stream().filter(s -> s.predecessor().equals(actor.code()))
                        .map(Succession::successor).toList();
                if (actor.kind() == ActorKind.DISSOLVED_STATE && successors.isEmpty()) {
                    throw problem(successionsSource, 1, "dissolved state " + actor.code() + " has no successor");
                }
                Actor withSuccessors = new Actor(actor.code(), actor.name(), actor.kind(), actor.validFrom(),
                        actor.validTo(), successors, actor.aliases(), actor.belongsTo());
                byCode.put(actor.code(), withSuccessors);
                byName.replaceAll((key, holder) -> holder == actor ? withSuccessors : holder);
            }
        }
        return new ActorRegistry(byCode, byName, successions);
    }

    private static List<Succession> readSuccessions(InputStream csv, String source, Map<String, Actor> byCode) {
        List<Succession> successions = new ArrayList<>();
        Map<String, String> continuators = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(csv, StandardCharsets.UTF_8), FORMAT)) {
            if (!parser.getHeaderNames().equals(SUCCESSION_COLUMNS)) {
                throw new IllegalStateException(source + " line 1: header must be "
                        + String.join(",", SUCCESSION_COLUMNS) + " but is " + String.join(",", parser.getHeaderNames()));
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw problem(source, line, "expected " + SUCCESSION_COLUMNS.size() + " fields but found "
                            + record.size());
                }
                Succession succession;
                try {
                    succession = new Succession(record.get("predecessor"), record.get("successor"),
                            SuccessionKind.valueOf(record.get("kind")), LocalDate.parse(record.get("on")),
                            record.get("note"));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw problem(source, line, e.getMessage());
                }
                Actor predecessor = byCode.get(succession.predecessor());
                Actor successor = byCode.get(succession.successor());
                if (predecessor == null || successor == null) {
                    throw problem(source, line, "'" + (predecessor == null ? succession.predecessor()
                            : succession.successor()) + "' is not an actor's code");
                }
                if (!successor.existedOn(succession.on())) {
                    throw problem(source, line, successor.code() + " did not exist on " + succession.on());
                }
                if (predecessor.validTo() != null && succession.on().isAfter(predecessor.validTo())) {
                    throw problem(source, line, predecessor.code() + " had ended before " + succession.on());
                }
                if (succession.kind() == SuccessionKind.CONTINUATION
                        && continuators.putIfAbsent(predecessor.code(), successor.code()) != null) {
                    throw problem(source, line, predecessor.code() + " is already continued by "
                            + continuators.get(predecessor.code()));
                }
                successions.add(succession);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException(source + " cannot be read as CSV: " + e.getMessage(), e);
        }
        return List.copyOf(successions);
    }

    private static Actor parse(CSVRecord record, String source, long line) {
        if (!record.isConsistent()) {
            throw problem(source, line, "expected " + COLUMNS.size() + " fields but found " + record.size());
        }
        String code = record.get("code");
        String kindText = record.get("kind");
        ActorKind kind;
        try {
            kind = ActorKind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            throw problem(source, line, "unknown kind '" + kindText + "' for " + code + "; expected one of "
                    + Arrays.toString(ActorKind.values()));
        }
        Actor actor;
        try {
            actor = new Actor(code, record.get("name"), kind,
                    date(record.get("valid_from")), date(record.get("valid_to")), List.of(),
                    list(record.get("aliases")), record.get("belongs_to").isEmpty() ? null : record.get("belongs_to"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw problem(source, line, e.getMessage());
        }
        String expectedPrefix = switch (kind) {
            case NON_STATE_GROUP, UNKNOWN -> "X";
            case INTERNATIONAL_ORGANISATION -> "Q";
            case COMPANY -> "C";
            case STATE_AGENCY -> "G";
            case STATE, DISSOLVED_STATE -> "";
        };
        if (!code.startsWith(expectedPrefix)) {
            throw problem(source, line, code + " is " + kind + " so its code must start with " + expectedPrefix);
        }
        if (kind == ActorKind.DISSOLVED_STATE && actor.validTo() == null) {
            throw problem(source, line, "dissolved state " + code + " needs a valid_to");
        }
        return actor;
    }

    private static LocalDate date(String text) {
        return text.isEmpty() ? null : LocalDate.parse(text);
    }

    private static List<String> list(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : text.split(";", -1)) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("empty item in '" + text + "'");
            }
            items.add(trimmed);
        }
        return items;
    }

    private static IllegalStateException problem(String source, long line, String message) {
        return new IllegalStateException(source + " line " + line + ": " + message);
    }

    private static List<String> names(Actor actor) {
        List<String> names = new ArrayList<>();
        names.add(actor.name());
        names.addAll(actor.aliases());
        return names;
    }

    /** The lookup key of a name: case, accents, spacing, apostrophe style and "&amp;" versus "and" do not count. */
    public static String normalise(String name) {
        String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace("&", " and ");
        return WHITESPACE.matcher(s.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** The actor with exactly this code, such as {@code RUS}. */
    public Optional<Actor> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** The actor with this name or alias, as SIPRI or a person writes it ({@code "Hezbollah (Lebanon)*"}). */
    public Optional<Actor> byName(String nameOrAlias) {
        if (nameOrAlias == null) {
            return Optional.empty();
        }
        Actor known = bySpelling.get(nameOrAlias);
        if (known != null) {
            return Optional.of(known);
        }
        Actor actor = byName.get(normalise(nameOrAlias));
        if (actor != null && bySpelling.size() < MAX_SPELLINGS) {
            bySpelling.put(nameOrAlias, actor);
        }
        return Optional.ofNullable(actor);
    }

    /** How the actor ended or shrank: the states that followed it, by date. Empty for most actors. */
    public List<Succession> successionsFrom(String code) {
        return successionsFrom.getOrDefault(code, List.of());
    }

    /** How the actor came to follow others: the states it succeeded. */
    public List<Succession> successionsTo(String code) {
        return successionsTo.getOrDefault(code, List.of());
    }

    /** The state that continues {@code code} (Russia for the Soviet Union), if any. */
    public Optional<Succession> continuatorOf(String code) {
        return successionsFrom(code).stream().filter(s -> s.kind() == SuccessionKind.CONTINUATION).findFirst();
    }

    /**
     * Whether {@code successor} may act for {@code predecessor}'s relations from {@code date} on: it took them over
     * by a succession on or before that date (a deal ordered from the Soviet Union and delivered by Russia).
     */
    public boolean succeededBy(String predecessor, String successor, LocalDate date) {
        return successionsFrom(predecessor).stream().anyMatch(s -> s.successor().equals(successor)
                && s.kind().takesOverRelations() && !date.isBefore(s.on()));
    }

    /**
     * Whether {@code code} names a company or state agency that acts for {@code state} on {@code date}: it
     * belongs to that state, or to a state that {@code state} {@linkplain #succeededBy succeeded} by then (a Soviet
     * agency's deal delivered by Russia), and it existed on that day.
     */
    public boolean actsFor(String code, String state, LocalDate date) {
        Actor actor = byCode.get(code);
        if (actor == null || !actor.kind().actsForState() || !actor.existedOn(date)) {
            return false;
        }
        return actor.belongsTo().equals(state) || succeededBy(actor.belongsTo(), state, date);
    }

    /** Every actor, shipped or recorded, ordered by code. */
    public List<Actor> all() {
        return all;
    }

    /**
     * The actors someone most likely meant by an unknown code or name, best first, for messages such as
     * "unknown actor 'IRA'; did you mean IRN (Iran), IRQ (Iraq)?". An exact code ranks first, then names that
     * start with the input, then codes one letter off, then names holding the input as a word or held at the start
     * of it, then names a few letters off. Actors too far from the input to be a slip are left out, so the list may
     * be shorter than {@code max} or empty.
     */
    public List<Actor> closestMatches(String unknown, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        if (unknown == null || unknown.isBlank()) {
            return List.of();
        }
        String code = unknown.trim().toUpperCase(Locale.ROOT);
        String key = normalise(unknown);
        record Match(Actor actor, double score) {
        }
        return all.stream()
                .map(actor -> new Match(actor, score(actor.code(), keysByCode.get(actor.code()), code, key)))
                .filter(match -> match.score() < Double.POSITIVE_INFINITY)
                .sorted(Comparator.comparingDouble(Match::score).thenComparing(match -> match.actor().code()))
                .limit(max)
                .map(Match::actor)
                .toList();
    }

    private static double score(String actorCode, List<String> actorKeys, String code, String key) {
        double best = Double.POSITIVE_INFINITY;
        int codeDistance = LEVENSHTEIN.apply(code, actorCode);
        if (codeDistance <= 1) {
            best = codeDistance;
        }
        for (String candidate : actorKeys) {
            if (key.length() >= 2 && candidate.startsWith(key)) {
                best = Math.min(best, candidate.equals(key) ? 0 : PREFIX_SCORE);
            }
            if (key.length() >= 3 && (candidate.contains(" " + key) || candidate.contains("(" + key))
                    || candidate.length() >= 4 && key.length() > candidate.length() && key.startsWith(candidate)
                    && !Character.isLetterOrDigit(key.charAt(candidate.length()))) {
                best = Math.min(best, WORD_SCORE);
            }
            int distance = LEVENSHTEIN.apply(key, candidate);
            if (distance <= Math.max(1, Math.min(key.length(), candidate.length()) / 3)) {
                best = Math.min(best, NAME_WEIGHT * distance);
            }
        }
        return best;
    }

    /** Reads the demonyms ("Chinese") of actors of this registry: columns {@link #DEMONYM_COLUMNS}, ";" between. */
    void readDemonyms(InputStream csv, String source) {
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(csv, StandardCharsets.UTF_8), FORMAT)) {
            if (!parser.getHeaderNames().equals(DEMONYM_COLUMNS)) {
                throw new IllegalStateException(source + " line 1: header must be "
                        + String.join(",", DEMONYM_COLUMNS) + " but is " + String.join(",", parser.getHeaderNames()));
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                String code = record.get("code");
                if (!byCode.containsKey(code)) {
                    throw problem(source, line, "'" + code + "' is not an actor's code");
                }
                try {
                    demonymsByCode.put(code, list(record.get("demonyms")));
                } catch (IllegalArgumentException e) {
                    throw problem(source, line, e.getMessage());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException(source + " cannot be read as CSV: " + e.getMessage(), e);
        }
    }

    /** What people call the actor's people or things ("Chinese" for China); empty for most non-states. */
    public List<String> demonyms(String code) {
        return demonymsByCode.getOrDefault(code, List.of());
    }

    /**
     * Adds an actor recorded while Dyad runs (a group SIPRI names that the shipped list does not know), so that every
     * service reading this registry knows it from now on. Recording the same actor again changes nothing.
     *
     * @return whether the actor is new to the registry
     * @throws IllegalArgumentException when its code is held by another actor, or one of its names or aliases is
     *                                  already another actor's, or its kind is not one that may be recorded
     */
    public synchronized boolean record(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        Actor holder = byCode.get(actor.code());
        if (holder != null) {
            if (holder.equals(actor)) {
                return false;
            }
            throw new IllegalArgumentException("code " + actor.code() + " is already " + holder.name());
        }
        requireRecordable(actor.code(), actor.kind());
        List<String> keys = new ArrayList<>();
        for (String name : names(actor)) {
            String key = normalise(name);
            Actor named = byName.get(key);
            if (named != null) {
                throw new IllegalArgumentException("name or alias '" + name + "' is already " + named.code()
                        + " (" + named.name() + ")");
            }
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        keys.forEach(key -> byName.put(key, actor));
        keysByCode.put(actor.code(), List.copyOf(keys));
        byCode.put(actor.code(), actor);
        recorded.add(actor.code());
        List<Actor> now = new ArrayList<>(all);
        now.add(actor);
        now.sort(Comparator.comparing(Actor::code));
        all = List.copyOf(now);
        return true;
    }

    /** Whether the actor was {@linkplain #record recorded} while Dyad runs rather than shipped. */
    public boolean isRecorded(String code) {
        return code != null && recorded.contains(code);
    }

    /** The kinds an actor recorded while Dyad runs may have: those with codes from ISO's user-assigned range. */
    public static boolean recordable(ActorKind kind) {
        return kind == ActorKind.NON_STATE_GROUP || kind == ActorKind.UNKNOWN
                || kind == ActorKind.INTERNATIONAL_ORGANISATION;
    }

    private static void requireRecordable(String code, ActorKind kind) {
        if (!recordable(kind)) {
            throw new IllegalArgumentException(kind + " cannot be recorded; only a non-state group, an international"
                    + " organisation or an unknown party can");
        }
        if (!code.matches(kind == ActorKind.INTERNATIONAL_ORGANISATION ? "Q[M-Z][A-Z]" : "X[A-Z]{2}")) {
            throw new IllegalArgumentException(code + " is not a code of ISO's user-assigned range for " + kind
                    + (kind == ActorKind.INTERNATIONAL_ORGANISATION ? " (QMA-QZZ)" : " (XAA-XZZ)"));
        }
    }

    /**
     * The codes an actor of this kind may be given, in order and free of every actor known now: {@code XAA}-{@code
     * XZZ} for a non-state group or unknown party, {@code QMA}-{@code QZZ} for an international organisation (ISO
     * 3166's user-assigned range).
     */
    public List<String> freeCodes(ActorKind kind) {
        if (!recordable(kind)) {
            throw new IllegalArgumentException(kind + " cannot be recorded");
        }
        char prefix = kind == ActorKind.INTERNATIONAL_ORGANISATION ? 'Q' : 'X';
        char firstSecond = kind == ActorKind.INTERNATIONAL_ORGANISATION ? 'M' : 'A';
        List<String> free = new ArrayList<>();
        for (char second = firstSecond; second <= 'Z'; second++) {
            for (char third = 'A'; third <= 'Z'; third++) {
                String code = "" + prefix + second + third;
                if (!byCode.containsKey(code)) {
                    free.add(code);
                }
            }
        }
        return free;
    }

    /**
     * An actor found by {@link #search}: {@code matched} is the name, alias, demonym or code the text matched
     * ({@code null} when nothing was typed); {@code historical} says the actor no longer exists.
     */
    public record Found(Actor actor, String matched, boolean historical) {
    }

    /**
     * Actors whose name, aliases (SIPRI's spellings among them), demonyms or code match {@code text}, best first: an
     * exact code, name, alias or demonym; then a name or alias that starts with the text; then a code that starts
     * with it; then a name holding it as a word; then one holding it anywhere; then names a few letters off. Among
     * equals, actors that exist today come before historical ones, names before aliases, shorter before longer.
     * Without text every actor (of the kind) is answered, by code.
     *
     * @param kind  only actors of this kind, or any when {@code null}
     * @param limit at most this many
     */
    public List<Found> search(String text, ActorKind kind, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        LocalDate today = LocalDate.now();
        if (text == null || text.isBlank()) {
            return all.stream().filter(actor -> kind == null || actor.kind() == kind).limit(limit)
                    .map(actor -> new Found(actor, null, historical(actor, today))).toList();
        }
        String key = normalise(text);
        String code = text.trim().toUpperCase(Locale.ROOT);
        record Ranked(Found found, double score) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Actor actor : all) {
            if (kind != null && actor.kind() != kind) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            String matched = null;
            if (actor.code().equals(code)) {
                best = 0;
                matched = actor.code();
            } else if (code.length() < 3 && code.length() >= 1 && actor.code().startsWith(code)) {
                best = 2.5;
                matched = actor.code();
            }
            List<String> spellings = new ArrayList<>(names(actor));
            int names = spellings.size();
            spellings.addAll(demonyms(actor.code()));
            for (int i = 0; i < spellings.size(); i++) {
                String spelling = spellings.get(i);
                double score = searchScore(normalise(spelling), key) + (i == 0 ? 0 : i < names ? 0.1 : 0.2);
                if (score < best || score == best && matched != null && spelling.length() < matched.length()) {
                    best = score;
                    matched = spelling;
                }
            }
            if (best < Double.POSITIVE_INFINITY) {
                ranked.add(new Ranked(new Found(actor, matched, historical(actor, today)), best));
            }
        }
        return ranked.stream()
                .sorted(Comparator.comparingDouble(Ranked::score)
                        .thenComparing(r -> r.found().historical())
                        .thenComparingInt(r -> r.found().matched().length())
                        .thenComparing(r -> r.found().actor().code()))
                .limit(limit)
                .map(Ranked::found)
                .toList();
    }

    /** 0 exact, 1 prefix, 3 word, 4 anywhere, 5 and more a few letters off; infinity for no match. */
    private static double searchScore(String candidate, String key) {
        if (candidate.equals(key)) {
            return 0;
        }
        if (candidate.startsWith(key)) {
            return 1;
        }
        if (key.length() >= 2 && (candidate.contains(" " + key) || candidate.contains("(" + key)
                || candidate.contains("-" + key))) {
            return 3;
        }
        if (key.length() >= 3 && candidate.contains(key)) {
            return 4;
        }
        if (key.length() >= 4) {
            String head = candidate.length() > key.length() ? candidate.substring(0, key.length()) : candidate;
            int distance = Math.min(LEVENSHTEIN.apply(key, candidate), LEVENSHTEIN.apply(key, head) + 1);
            if (distance <= Math.max(1, key.length() / 4)) {
                return 5 + distance;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Whether the actor no longer exists on {@code today}. */
    private static boolean historical(Actor actor, LocalDate today) {
        return actor.validTo() != null && !today.isBefore(actor.validTo());
    }

    @Override
    public String toString() {
        return "ActorRegistry[" + all.size() + " actors]";
    }
}
