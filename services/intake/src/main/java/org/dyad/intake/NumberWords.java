package org.dyad.intake;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads counts written in digits ("36", "1,200") or English words ("thirty-six", "three", "a dozen"). */
final class NumberWords {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("dozen", 12), Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("pair", 2), Map.entry("single", 1));
    private static final String UNIT_WORDS = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
            + "|seventy|eighty|ninety";
    /** A count in words: "thirty-six", "one hundred twenty", "two thousand". */
    static final String WORDS = "(?:(?:" + UNIT_WORDS + ")(?:[- ](?:" + UNIT_WORDS + "))?"
            + "(?: (?:hundred|thousand)(?: (?:and )?(?:" + UNIT_WORDS + ")(?:[- ](?:" + UNIT_WORDS + "))?)?)?)";
    /** A count in digits, with thousands separators. */
    static final String DIGITS = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)";
    static final Pattern COUNT = Pattern.compile("(?i)" + WORDS + "|" + DIGITS);

    private NumberWords() {
    }

    /** The value of a count, or {@code null} when the words are not one. */
    static Integer parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.matches(DIGITS)) {
            try {
                return Integer.valueOf(s.replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        int total = 0;
        int current = 0;
        boolean any = false;
        for (String word : s.split("[- ]+")) {
            if (word.equals("and")) {
                continue;
            }
            if (word.equals("hundred")) {
                current = Math.max(current, 1) * 100;
            } else if (word.equals("thousand")) {
                total += Math.max(current, 1) * 1000;
                current = 0;
            } else {
                Integer unit = UNITS.get(word);
                if (unit == null) {
                    return null;
                }
                current += unit;
            }
            any = true;
        }
        return any ? total + current : null;
    }
}
