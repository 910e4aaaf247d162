package org.dyad.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the weapons a text names, with their quantities: a designation (one Dyad knows, one of
 * {@value #DESIGNATIONS}, or one shaped like a designation: "F-16 Block 70", "S-300", "AN/TPY-2", "Kilo-class"),
 * what it is ("aircraft", "diesel submarines", from {@value #CATEGORIES}) and how many ("up to thirty-six (36)",
 * "three"). A category without a designation ("fighter jets") is an item of its own.
 */
final class ItemReader {

    static final String DESIGNATIONS = "designations.txt";
    static final String CATEGORIES = "categories.csv";
    private static final String SHAPED = "(?:[A-Z]{1,4}/)?[A-Z][A-Za-z]{0,4}-\\d{1,4}[A-Z]{0,3}(?:/[A-Z])?"
            + "(?:-[A-Z0-9]{1,4})*(?: Block \\d+(?:/\\d+)?)?|[A-Z][a-z]+-class";
    private static final Pattern QUANTITY = Pattern.compile("(?i)(?:\\b(up to|about|some|approximately|an estimated) )?\\b("
            + NumberWords.WORDS + "|" + NumberWords.DIGITS + ")(?: \\((" + NumberWords.DIGITS + ")\\))?\\s+$");
    private static final Pattern SHAPED_PATTERN = Pattern.compile("(?<![\\p{L}\\p{N}-])(?:" + SHAPED
            + ")(?![\\p{L}\\p{N}])");
    private static final Pattern PARTS_FOR = Pattern.compile("(?i)\\bparts (?:for|of) (?:[^.;]*\\band )?(?:[\\w-]+ ){0,2}$");

    private static final Pattern TRAILING_WORDS = Pattern.compile(
            "((?: [A-Z][\\w/-]*)(?: (?:and |of |or )?[A-Z][\\w/-]*){0,8})(?=\\s*(?:[;,.(]|$|\\n))");

    /** A weapon as a {@code DealItem}'s fields carry it. */
    record Item(String designation, String description, String category, Integer quantity, boolean quantityUncertain) {
    }

    private record Category(String designation, String category) {
    }

    private final PhraseIndex<Category> categories = new PhraseIndex<>(true, false);
    private final PhraseIndex<Boolean> designations = new PhraseIndex<>(false, true);

    /** @param knownDesignations the designations Dyad knows (from the deals on record, SIPRI's included) */
    ItemReader(Collection<String> knownDesignations) {
        for (String designation : knownDesignations) {
            if (designation != null && !designation.isBlank()) {
                designations.putIfAbsent(designation.strip(), Boolean.TRUE);
            }
        }
        lines(DESIGNATIONS).forEach(d -> designations.putIfAbsent(d, Boolean.TRUE));
        for (String line : lines(CATEGORIES)) {
            if (line.startsWith("phrase,")) {
                continue;
            }
            String[] row = line.split(",");
            categories.putIfAbsent(row[0], new Category(row[1], row[2]));
        }
    }

    /** Designations in {@code [from, to)}: known ones and ones shaped like a designation, the longer where both. */
    private List<int[]> designationsIn(String text, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        designations.find(text, from, to).forEach(hit -> spans.add(new int[]{hit.start(), hit.end()}));
        Matcher shaped = SHAPED_PATTERN.matcher(text).region(from, to);
        while (shaped.find()) {
            spans.add(new int[]{shaped.start(), shaped.end()});
        }
        spans.sort(Comparator.<int[]>comparingInt(span -> span[0]).thenComparingInt(span -> -span[1]));
        List<int[]> kept = new ArrayList<>();
        for (int[] span : spans) {
            if (kept.isEmpty() || span[0] >= kept.get(kept.size() - 1)[1]) {
                kept.add(span);
            }
        }
        return kept;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ItemReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every item named in {@code [from, to)}, in order. */
    List<Mention<Item>> find(String text, int from, int to) {
        List<Mention<Item>> found = new ArrayList<>();
        List<int[]> nouns = new ArrayList<>();
        categories.find(text, from, to).forEach(hit -> nouns.add(new int[]{hit.start(), hit.end()}));
        Set<int[]> usedNouns = new LinkedHashSet<>();
        for (int[] d : designationsIn(text, from, to)) {
            if (!found.isEmpty() && d[0] < found.get(found.size() - 1).end()) {
                continue;
            }
            String designation = text.substring(d[0], d[1]);
            int end = d[1];
            String description = null;
            String category = null;
            double confidence = 0.8;
            // what it is: a category noun within four words after the designation
            for (int[] noun : nouns) {
                if (noun[0] >= d[1] && text.substring(d[1], noun[0]).matches("[\\s\\p{L}-]{0,40}")
                        && text.substring(d[1], noun[0]).trim().split("\\s+").length <= 4) {
                    description = text.substring(d[1], noun[1]).trim();
                    category = categoryOf(text.substring(noun[0], noun[1]));
                    end = noun[1];
                    usedNouns.add(noun);
                    confidence = 0.9;
                    break;
                }
            }
            if (description == null) {
                // DSCA's lists name what it is in their own words up to the item's end ("Fire Control Station Groups")
                Matcher words = TRAILING_WORDS.matcher(text).region(d[1], to);
                if (words.lookingAt() && !words.group(1).isBlank()) {
                    description = words.group(1).trim();
                    end = words.end(1);
                    confidence = 0.7;
                }
            }
            found.add(withQuantity(text, from, d[0], end, designation, singular(description), category,
                    confidence, "designation" + (category == null ? "" : " and category")));
        }
        Set<String> designatedCategories = new LinkedHashSet<>();
        found.forEach(f -> designatedCategories.add(f.value().category()));
        for (int[] noun : nouns) {
            if (usedNouns.contains(noun) || found.stream().anyMatch(f -> f.start() <= noun[0] && noun[1] <= f.end())) {
                continue;
            }
            String phrase = text.substring(noun[0], noun[1]);
            Category cat = categories.get(phrase);
            // "the aircraft" after "36 Rafale fighter jets" names the same weapon again
            if (designatedCategories.contains(cat.category())
                    && text.substring(Math.max(from, noun[0] - 4), noun[0]).matches("(?i).*\\bthe\\s+")) {
                continue;
            }
            // the modifiers before the noun belong to it ("diesel submarines", "armored vehicles")
            int start = noun[0];
            String designation = cat.designation();
            String description = phrase;
            Matcher parts = PARTS_FOR.matcher(text.substring(Math.max(from, noun[0] - 80), noun[0]));
            if (parts.find()) {
                designation = cat.designation() + " parts";
                description = "spare parts for " + phrase;
            }
            found.add(withQuantity(text, from, start, noun[1], designation, description, cat.category(), 0.6,
                    "category without designation"));
        }
        found.sort(Comparator.comparingInt(Mention::start));
        return found;
    }

    private Mention<Item> withQuantity(String text, int from, int start, int end, String designation,
                                       String description, String category, double confidence, String rule) {
        Matcher q = QUANTITY.matcher(text.substring(Math.max(from, start - 60), start));
        Integer quantity = null;
        boolean uncertain = false;
        if (q.find()) {
            String digits = q.group(3) != null ? q.group(3) : q.group(2);
            quantity = NumberWords.parse(digits);
            if (quantity != null && !(q.group(3) == null && q.group(2).matches("\\d{4}") && quantity > 1900)) {
                start = start - (Math.min(start - from, 60) - q.start());
                uncertain = q.group(1) != null && !q.group(1).equalsIgnoreCase("up to");
                rule = rule + " with quantity";
            } else {
                quantity = null;
            }
        }
        return new Mention<>(start, end, new Item(designation, description, category, quantity, uncertain),
                confidence, rule);
    }

    private String categoryOf(String noun) {
        Category category = categories.get(noun);
        return category == null ? null : category.category();
    }

    static String singular(String description) {
        if (description == null) {
            return null;
        }
        if (description.endsWith("ies")) {
            return description.substring(0, description.length() - 3) + "y";
        }
        if (description.endsWith("s") && !description.endsWith("ss") && !description.endsWith("aircraft")) {
            return description.substring(0, description.length() - 1);
        }
        return description;
    }
}
