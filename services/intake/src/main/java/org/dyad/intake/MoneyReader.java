package org.dyad.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts of money with their currency and the qualifier the source puts on them: "could reach $7 billion"
 * (COULD_REACH), "worth up to" (UP_TO), "about $300 million" (ABOUT), "at least" (AT_LEAST), "estimated total cost of
 * $1.2 billion" (ESTIMATED_TOTAL_COST), otherwise EXACT. An amount restated in another currency right after it, in
 * brackets ("€7.87 billion (about Rs 59,000 crore)"), is kept as an alternative, not as a second amount.
 */
final class MoneyReader {

    /** An amount of money as an estimate's fields carry it. */
    record Money(BigDecimal amount, String currency, String qualifier) {
    }

    private static final String SYMBOL = "US\\$|A\\$|C\\$|\\$|€|£|¥|Rs\\.?|INR|USD|EUR|GBP|RUB|CNY|JPY|KRW";
    private static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|" + NumberWords.WORDS;
    private static final String SCALE = "thousand|million|billion|trillion|crore|lakh|bn|mn|m";
    private static final String CURRENCY_WORD = "US dollars|dollars|euros|euro|pounds sterling|pounds|roubles|rubles"
            + "|yuan|yen|rupees|won";
    private static final Pattern AMOUNT = Pattern.compile("(?i)(?<![\\p{L}])(?:(" + SYMBOL + ")\\s?(" + NUMBER
            + ")(?:[ -]?(" + SCALE + "))?\\b(?: (" + CURRENCY_WORD + "))?|(" + NUMBER + ")(?:[ -](" + SCALE
            + "))? (" + CURRENCY_WORD + ")\\b)");
    private static final Map<String, String> CURRENCIES = Map.ofEntries(
            Map.entry("$", "USD"), Map.entry("us$", "USD"), Map.entry("usd", "USD"), Map.entry("€", "EUR"),
            Map.entry("eur", "EUR"), Map.entry("£", "GBP"), Map.entry("gbp", "GBP"), Map.entry("¥", "JPY"),
            Map.entry("jpy", "JPY"), Map.entry("rs", "INR"), Map.entry("rs.", "INR"), Map.entry("inr", "INR"),
            Map.entry("rub", "RUB"), Map.entry("cny", "CNY"), Map.entry("krw", "KRW"), Map.entry("a$", "AUD"),
            Map.entry("c$", "CAD"), Map.entry("us dollars", "USD"), Map.entry("dollars", "USD"),
            Map.entry("euros", "EUR"), Map.entry("euro", "EUR"), Map.entry("pounds", "GBP"),
            Map.entry("pounds sterling", "GBP"), Map.entry("roubles", "RUB"), Map.entry("rubles", "RUB"),
            Map.entry("yuan", "CNY"), Map.entry("yen", "JPY"), Map.entry("rupees", "INR"), Map.entry("won", "KRW"));
    private static final Map<String, BigDecimal> SCALES = Map.of(
            "thousand", new BigDecimal("1e3"), "million", new BigDecimal("1e6"), "mn", new BigDecimal("1e6"),
            "m", new BigDecimal("1e6"), "billion", new BigDecimal("1e9"), "bn", new BigDecimal("1e9"),
            "trillion", new BigDecimal("1e12"), "crore", new BigDecimal("1e7"), "lakh", new BigDecimal("1e5"));
    /** Qualifiers, each matched against the words just before the amount. */
    private static final List<Map.Entry<Pattern, String>> QUALIFIERS = List.of(
            Map.entry(qualifier("estimated (?:total )?(?:program |programme |case )?(?:cost|value)(?: of| is| at|:)?"
                    + "|total estimated (?:value|cost)(?: of| is|:)?"), "ESTIMATED_TOTAL_COST"),
            Map.entry(qualifier("(?:could|may|might|would) (?:reach|total|top|exceed|be worth)"), "COULD_REACH"),
            Map.entry(qualifier("up to|as much as|no more than|not exceeding|a ceiling of"), "UP_TO"),
            Map.entry(qualifier("at least|more than|over|in excess of|upwards of"), "AT_LEAST"),
            Map.entry(qualifier("about|around|approximately|roughly|some|nearly|almost|an estimated|estimated at|close to"),
                    "ABOUT"));

    private static Pattern qualifier(String words) {
        return Pattern.compile("(?i)\\b(?:" + words + ")(?: worth| valued at| of| at| be)?\\s*$");
    }

    private MoneyReader() {
    }

    /** Every amount in {@code [from, to)}; restatements in brackets become alternatives of the amount before them. */
    static List<Mention<Money>> find(String text, int from, int to) {
        List<Mention<Money>> found = new ArrayList<>();
        Matcher m = AMOUNT.matcher(text).region(from, to);
        while (m.find()) {
            Money plain = value(m);
            if (plain == null) {
                continue;
            }
            int start = m.start();
            String before = text.substring(Math.max(from, start - 60), start);
            String qualifier = "EXACT";
            double confidence = 0.75;
            String rule = "amount without qualifier";
            for (Map.Entry<Pattern, String> q : QUALIFIERS) {
                Matcher qm = q.getKey().matcher(before);
                if (qm.find()) {
                    qualifier = q.getValue();
                    start = start - (before.length() - qm.start());
                    confidence = 0.9;
                    rule = "amount qualified as " + qualifier;
                    break;
                }
            }
            Money money = new Money(plain.amount(), plain.currency(), qualifier);
            if (!found.isEmpty()) {
                Mention<Money> last = found.get(found.size() - 1);
                String between = text.substring(last.end(), m.start());
                if (between.matches("\\s*\\((?:about|around|approx\\.?|approximately|or|some|nearly)?\\s*")) {
                    List<Alternative> alternatives = new ArrayList<>(last.alternatives());
                    alternatives.add(new Alternative(plain.amount().toPlainString() + " " + plain.currency(), 0.5,
                            "the same amount restated in another currency"));
                    found.set(found.size() - 1, new Mention<>(last.start(), last.end(), last.value(),
                            last.confidence(), last.rule(), alternatives));
                    continue;
                }
            }
            found.add(new Mention<>(start, m.end(), money, confidence, rule));
        }
        return found;
    }

    private static Money value(Matcher m) {
        String symbol = m.group(1);
        String number = symbol != null ? m.group(2) : m.group(5);
        String scale = symbol != null ? m.group(3) : m.group(6);
        String word = symbol != null ? m.group(4) : m.group(7);
        if (symbol == null && scale == null && word.equalsIgnoreCase("won")) {
            return null;
        }
        if (symbol != null && symbol.length() > 1 && symbol.matches("[A-Za-z]+") && !symbol.equals(symbol.toUpperCase())
                && !symbol.toLowerCase(Locale.ROOT).startsWith("rs")) {
            return null;
        }
        BigDecimal amount;
        if (number.matches("[\\d.,]+")) {
            amount = new BigDecimal(number.replace(",", ""));
        } else {
            Integer words = NumberWords.parse(number);
            if (words == null) {
                return null;
            }
            amount = BigDecimal.valueOf(words);
        }
        if (scale != null) {
            BigDecimal factor = SCALES.get(scale.toLowerCase(Locale.ROOT));
            if (factor == null) {
                return null;
            }
            amount = amount.multiply(factor);
        }
        String key = (symbol != null ? symbol : word).toLowerCase(Locale.ROOT);
        String currency = CURRENCIES.get(key);
        if (symbol != null && word != null) {
            currency = CURRENCIES.getOrDefault(word.toLowerCase(Locale.ROOT), currency);
        }
        if (currency == null) {
            return null;
        }
        return new Money(amount.stripTrailingZeros().scale() < 0 ? amount.setScale(0) : amount.stripTrailingZeros(),
                currency, "EXACT");
    }
}
