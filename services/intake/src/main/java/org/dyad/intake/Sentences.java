package org.dyad.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text into sentences at a full stop, question or exclamation mark (and a closing quote) followed by a
 * space and a capital or an opening quote, and at blank lines; not after an initial ("Vladimir V. Putin") or a
 * known abbreviation ("U.S.", "Col.", "Gen.").
 */
final class Sentences {

    private static final Pattern END = Pattern.compile("[.!?][\"”’)]*(?=\\s+[\"“‘(]?[A-Z0-9])|\\n\\s*\\n");
    private static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "Col", "Gen", "Lt", "Maj",
            "Capt", "Adm", "Sgt", "St", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
            "U.S", "U.K", "U.N", "Inc", "Corp", "Co", "Ltd", "Rep", "Sen", "Gov", "Pres", "vs", "e.g", "i.e");

    private Sentences() {
    }

    static List<Span> split(String text) {
        List<Span> sentences = new ArrayList<>();
        int start = 0;
        Matcher m = END.matcher(text);
        while (m.find()) {
            if (m.group().startsWith(".")) {
                String before = text.substring(Math.max(0, m.start() - 5), m.start());
                String word = before.replaceAll("^.*?([A-Za-z.]+)$", "$1");
                if (word.matches("[A-Z]") || ABBREVIATIONS.contains(word) || before.matches(".*\\b[A-Z]$")) {
                    continue;
                }
            }
            add(text, sentences, start, m.end());
            start = m.end();
        }
        add(text, sentences, start, text.length());
        return sentences;
    }

    private static void add(String text, List<Span> sentences, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new Span(start, end));
        }
    }
}
