package org.dyad.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the longest known phrases in a text, each standing as whole words (no letter or digit touching it), with a
 * hash lookup per candidate rather than one pattern of every phrase: the cost per character stays the same whether
 * the index holds forty phrases or SIPRI's tens of thousands of designations.
 */
final class PhraseIndex<V> {

    /** A phrase found at {@code [start, end)}. */
    record Hit<V>(int start, int end, String phrase, V value) {
    }

    private final Map<String, V> phrases = new HashMap<>();
    private final boolean ignoreCase;
    /** Whether a hyphen before a phrase joins it to the word before ("MiG-29" is not "29"). */
    private final boolean hyphenJoins;
    private int longest;

    PhraseIndex(boolean ignoreCase, boolean hyphenJoins) {
        this.ignoreCase = ignoreCase;
        this.hyphenJoins = hyphenJoins;
    }

    /** Adds a phrase unless it is there already; the first value given for a phrase stays. */
    void putIfAbsent(String phrase, V value) {
        String key = key(phrase.strip());
        if (!key.isEmpty() && phrases.putIfAbsent(key, value) == null) {
            longest = Math.max(longest, key.length());
        }
    }

    /** Adds or replaces a phrase. */
    void put(String phrase, V value) {
        String key = key(phrase.strip());
        if (!key.isEmpty()) {
            phrases.put(key, value);
            longest = Math.max(longest, key.length());
        }
    }

    V get(String phrase) {
        return phrases.get(key(phrase));
    }

    boolean contains(String phrase) {
        return phrases.containsKey(key(phrase));
    }

    private String key(String phrase) {
        return ignoreCase ? phrase.toLowerCase(Locale.ROOT) : phrase;
    }

    /** The longest phrases in {@code [from, to)}, left to right, not overlapping. */
    List<Hit<V>> find(String text, int from, int to) {
        List<Hit<V>> hits = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (!startsWord(text, i, from)) {
                i++;
                continue;
            }
            int best = -1;
            int limit = Math.min(to, i + longest);
            for (int j = i + 1; j <= limit; j++) {
                if (endsWord(text, j, to) && phrases.containsKey(key(text.substring(i, j)))) {
                    best = j;
                }
            }
            if (best > 0) {
                String phrase = text.substring(i, best);
                hits.add(new Hit<>(i, best, phrase, phrases.get(key(phrase))));
                i = best;
            } else {
                i++;
            }
        }
        return hits;
    }

    private boolean startsWord(String text, int i, int from) {
        if (Character.isWhitespace(text.charAt(i))) {
            return false;
        }
        if (i == from) {
            return true;
        }
        char before = text.charAt(i - 1);
        return !Character.isLetterOrDigit(before) && !(hyphenJoins && before == '-');
    }

    private static boolean endsWord(String text, int j, int to) {
        if (Character.isWhitespace(text.charAt(j - 1))) {
            return false;
        }
        return j == to || !Character.isLetterOrDigit(text.charAt(j));
    }
}
