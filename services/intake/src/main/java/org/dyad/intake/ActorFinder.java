package org.dyad.intake;

import org.dyad.actors.Actor;
import org.dyad.actors.ActorKind;
import org.dyad.actors.ActorRegistry;
import org.dyad.actors.Succession;
import org.dyad.actors.SuccessionKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the states and organisations a text names: by the actor list's names and aliases (SIPRI's spellings
 * included), by demonym, capital or institution from {@value #GAZETTEER}, and by the people the text introduces
 * with a demonym and a title ("Iranian President Mohammad Khatami" makes "Khatami" name Iran). A state that did not
 * exist on the date of the fact is replaced by the state it continued (Russia in 1989 is the Soviet Union).
 */
final class ActorFinder {

    static final String GAZETTEER = "gazetteer.csv";
    private static final String TITLES = "President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Minister"
            + "|Speaker|parliamentary Speaker|King|Crown Prince|Emir|Chancellor|leader|spokesman|ambassador|envoy"
            + "|General|Gen\\.|Col\\. Gen\\.";
    private static final String NAME = "(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\\.)";

    /** A phrase that names an actor and how strongly it does. */
    private record Entry(String code, String kind, double confidence) {
    }

    /** An actor named in the text, before resolving it to the date of a fact. */
    record Named(int start, int end, String phrase, String code, String kind, double confidence) {
    }

    private final ActorRegistry registry;
    private final PhraseIndex<Entry> phrases = new PhraseIndex<>(false, false);
    private final Map<String, String> demonyms = new HashMap<>();
    /** The actors with names like a phrase, by phrase: the list is searched once per phrase, not per mention. */
    private final Map<String, List<String>> similar = new ConcurrentHashMap<>();
    private static final int MAX_SIMILAR = 10_000;

    ActorFinder(ActorRegistry registry) {
        this.registry = registry;
        for (Actor actor : registry.all()) {
            if (actor.kind() == ActorKind.STATE || actor.kind() == ActorKind.DISSOLVED_STATE
                    || actor.kind() == ActorKind.INTERNATIONAL_ORGANISATION) {
                phrases.putIfAbsent(actor.name(), new Entry(actor.code(), "name", 0.95));
                for (String alias : actor.aliases()) {
                    String clean = alias.replace("*", "").trim();
                    // a short alias in lower case ("us") is an English word, not a name
                    if (clean.length() > 2 || clean.equals(clean.toUpperCase())) {
                        phrases.putIfAbsent(clean, new Entry(actor.code(), "alias", 0.9));
                    }
                }
            }
        }
        for (String[] row : readGazetteer()) {
            double confidence = switch (row[1]) {
                case "name" -> 0.95;
                case "demonym" -> 0.8;
                case "capital" -> 0.75;
                default -> 0.7;
            };
            phrases.put(row[2], new Entry(row[0], row[1], confidence));
            if (row[1].equals("demonym")) {
                demonyms.put(row[2], row[0]);
            }
        }
    }

    private static List<String[]> readGazetteer() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = ActorFinder.class.getResourceAsStream(GAZETTEER)) {
            if (in == null) {
                throw new IllegalStateException(GAZETTEER + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    String[] row = line.split(",", 3);
                    if (row.length != 3) {
                        throw new IllegalStateException(GAZETTEER + ": expected code,kind,phrase but read " + line);
                    }
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The people a text introduces with a demonym and a title, by surname ("Khatami" to IRN), and how to find them. */
    record People(Map<String, String> bySurname, Pattern pattern) {

        static final People NONE = new People(Map.of(), null);
    }

    People people(String text) {
        Map<String, String> people = new LinkedHashMap<>();
        String demonymAlternation = demonyms.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|"));
        Pattern before = Pattern.compile("\\b(" + demonymAlternation + ") (?:" + TITLES + ")((?: " + NAME + "){1,4})");
        Matcher m = before.matcher(text);
        while (m.find()) {
            String[] names = m.group(2).trim().split(" ");
            people.putIfAbsent(names[names.length - 1], demonyms.get(m.group(1)));
        }
        Pattern after = Pattern.compile("(" + NAME + "(?: " + NAME + "){1,3}), (?:a |the )?(?:former )?("
                + demonymAlternation + ") (?:" + TITLES + ")");
        m = after.matcher(text);
        while (m.find()) {
            String[] names = m.group(1).split(" ");
            people.putIfAbsent(names[names.length - 1], demonyms.get(m.group(2)));
        }
        people.keySet().removeIf(name -> name.length() < 3 || phrases.contains(name));
        if (people.isEmpty()) {
            return People.NONE;
        }
        String alternation = people.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return new People(Map.copyOf(people), Pattern.compile("\\b(?:" + alternation + ")\\b"));
    }

    /** Every actor named in {@code [from, to)} of the text, in order, people included. */
    List<Named> find(String text, int from, int to, People people) {
        List<Named> found = new ArrayList<>();
        for (PhraseIndex.Hit<Entry> hit : phrases.find(text, from, to)) {
            Entry entry = hit.value();
            found.add(new Named(hit.start(), hit.end(), hit.phrase(), entry.code(), entry.kind(), entry.confidence()));
        }
        if (people.pattern() != null) {
            Matcher p = people.pattern().matcher(text).region(from, to);
            while (p.find()) {
                found.add(new Named(p.start(), p.end(), p.group(), people.bySurname().get(p.group()), "person", 0.7));
            }
        }
        found.sort(Comparator.comparingInt(Named::start));
        return found;
    }

    /**
     * The actor a mention names on {@code date}: the state itself when it existed then, otherwise the state it
     * continued; the other candidates, scored, are the alternatives.
     */
    Mention<String> resolve(Named named, LocalDate date) {
        Actor actor = registry.byCode(named.code()).orElseThrow();
        List<Alternative> alternatives = new ArrayList<>();
        String code = actor.code();
        double confidence = named.confidence();
        String rule = "actor by " + named.kind();
        if (date != null && !actor.existedOn(date)) {
            Optional<Succession> predecessor = registry.successionsTo(actor.code()).stream()
                    .filter(s -> s.kind() == SuccessionKind.CONTINUATION)
                    .filter(s -> registry.byCode(s.predecessor()).map(p -> p.existedOn(date)).orElse(false))
                    .findFirst();
            if (predecessor.isPresent()) {
                code = predecessor.get().predecessor();
                rule = rule + ", historical state on " + date;
                alternatives.add(new Alternative(actor.code(), 0.3, actor.name() + " did not exist on " + date));
                confidence = Math.min(confidence, 0.85);
            } else {
                confidence = Math.min(confidence, 0.4);
                rule = rule + ", but " + actor.name() + " did not exist on " + date;
            }
        }
        String resolved = code;
        similarTo(named.phrase()).stream()
                .filter(c -> !c.equals(resolved) && alternatives.stream().noneMatch(a -> a.value().equals(c)))
                .limit(3)
                .forEach(c -> alternatives.add(new Alternative(c, 0.2, "similar name")));
        return new Mention<>(named.start(), named.end(), code, confidence, rule, alternatives);
    }

    private List<String> similarTo(String phrase) {
        List<String> known = similar.get(phrase);
        if (known != null) {
            return known;
        }
        List<String> codes = registry.closestMatches(phrase, 4).stream().map(Actor::code).toList();
        if (similar.size() < MAX_SIMILAR) {
            similar.put(phrase, codes);
        }
        return codes;
    }

    /** Whether the code names a state (current or dissolved), not an organisation. */
    boolean isState(String code) {
        return registry.byCode(code).map(a -> a.kind() == ActorKind.STATE || a.kind() == ActorKind.DISSOLVED_STATE)
                .orElse(false);
    }

    String name(String code) {
        return registry.byCode(code).map(Actor::name).orElse(code);
    }
}
