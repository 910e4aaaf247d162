package org.dyad.sipri;

import org.dyad.contracts.common.CurrencyCode;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.ValueBasis;
import org.dyad.contracts.deal.DealTerms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SIPRI says only in a row's comments: how the transfer was made, whether it was cancelled, and what it was
 * worth. Comments are clauses separated by semicolons (SIPRI writes no commas), with asides in parentheses.
 */
final class SipriComments {

    static final String SCOPE = "value in SIPRI comment";
    static final String PART_SCOPE = "value in SIPRI comment of the larger deal this row is part of";

    /** "export licence" is permission to export, not licensed production. */
    private static final Pattern LICENCE = Pattern.compile("(?<!\\bexport )\\blicen[cs]e[ds]?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEASE = Pattern.compile("\\bleas(?:e[ds]?|ing)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern AID = Pattern.compile("\\baid\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern CLAUSE_BREAK = Pattern.compile("[;()]");
    private static final Pattern CANCEL = Pattern.compile("\\bcancel(?:l?ed|lation|s)?\\b", Pattern.CASE_INSENSITIVE);
    /**
     * A cancellation that is not this order's: of further units ("2 more cancelled"), of a plan or an expected order
     * that was never placed, or of another buyer's order that was then sold on to this recipient.
     */
    private static final Pattern NOT_THIS_ORDER = Pattern.compile("\\bmore\\b|\\bplan(?:s|ned)?\\b|\\bexpected\\b"
            + "|\\boriginally\\s+(?:built|produced|ordered|made|intended)\\s+(?:for|by)\\b|\\bsold\\s+to\\b",
            Pattern.CASE_INSENSITIVE);

    private static final String NUMBER = "\\d+(?:\\.\\d+)?";
    private static final String SYMBOL = "US\\$|NT\\$|NZ\\$|A\\$|C\\$|\\$|£|€";
    private static final Pattern MONEY = Pattern.compile("(?:(?<symbol>" + SYMBOL + ")|\\b(?<code>[A-Z]{2,3}))\\s?"
            + "(?<low>" + NUMBER + ")(?:\\s?-\\s?(?:" + SYMBOL + ")?(?<high>" + NUMBER + "))?"
            + "\\s?(?<unit>million|billion|trillion|bn|tr|m|b)\\b");
    private static final Pattern OPEN = Pattern.compile("\\s*\\(\\s*");
    private static final Pattern CLOSE = Pattern.compile("\\s*\\)");
    private static final Pattern QUALIFIER = Pattern.compile("\\b(?<q>about|around|approximately|approx\\.|roughly"
            + "|some|c\\.|up\\s+to|as\\s+much\\s+as|could\\s+reach|could\\s+be\\s+worth|could\\s+total|may\\s+reach"
            + "|at\\s+least|more\\s+than|over)\\s*$", Pattern.CASE_INSENSITIVE);
    /** Amounts that value part of a deal, or something else: "(incl $95 m aid)", "offsets $394 m". */
    private static final Pattern COMPONENT = Pattern.compile("\\b(?:incl|including|offsets?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PART_OF = Pattern.compile("\\bpart\\s+of\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE_BEFORE = Pattern.compile("(?:\\b(?:worth|valued\\s+at|value\\s+of"
            + "|totall?ing|costing|priced\\s+at)|\\b(?:deal|contract|order|package|programme|project|lease|aid|sales?)"
            + "(?:\\s+(?:is|was|of|for|at))?)\\s*$", Pattern.CASE_INSENSITIVE);
    /** "$183 m 'Peace Xenia-3' deal", "$70 m 2-year lease", "$2.6 m aid". */
    private static final Pattern VALUE_AFTER = Pattern.compile("^\\s*(?:'[^']*'\\s*)?(?:\\d+-year\\s+)?"
            + "(?:deal|aid|lease|project|programme|program|contract|order|package|sale)s?\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "US$", "USD", "NT$", "TWD", "NZ$", "NZD",
            "A$", "AUD", "C$", "CAD", "£", "GBP", "€", "EUR");
    /** SIPRI's and the press's names for currencies whose ISO 4217 code differs. */
    private static final Map<String, String> LEGACY_CODES = Map.of("FFR", "FRF", "DM", "DEM", "SFR", "CHF",
            "BFR", "BEF", "LIT", "ITL", "RMB", "CNY", "NIS", "ILS");
    private static final Set<String> ISO_CODES = CurrencyCode.ISO_4217;

    private SipriComments() {
    }

    static DealTerms terms(String comments) {
        if (comments == null) {
            return new DealTerms(false, false, false);
        }
        return new DealTerms(LICENCE.matcher(comments).find(), LEASE.matcher(comments).find(),
                AID.matcher(comments).find());
    }

    static boolean cancelled(String comments) {
        if (comments == null) {
            return false;
        }
        for (String clause : CLAUSE_BREAK.split(comments)) {
            if (CANCEL.matcher(clause).find() && !NOT_THIS_ORDER.matcher(clause).find()) {
                return true;
            }
        }
        return false;
    }

    private record Amount(int start, int end, String currency, BigDecimal low, BigDecimal high) {
    }

    /**
     * The values the comments give for the deal: "$180 m deal", "deal worth about $1 b", "INR390 b ($5.4 b) deal"
     * (both amounts), "part of $196 m deal" (with {@link #PART_SCOPE}). Amounts for something else (offsets,
     * components, a first year) or in an unknown currency are left out rather than guessed at.
     */
    static List<Estimate> money(String comments) {
        if (comments == null) {
            return List.of();
        }
        List<Amount> amounts = amounts(comments);
        List<Estimate> estimates = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            Amount amount = amounts.get(i);
            Amount converted = null;
            int end = amount.end();
            if (i + 1 < amounts.size()) {
                Amount next = amounts.get(i + 1);
                Matcher close = CLOSE.matcher(comments).region(next.end(), comments.length());
                if (OPEN.matcher(comments.substring(amount.end(), next.start())).matches() && close.lookingAt()) {
                    converted = next;
                    end = close.end();
                    i++;
                }
            }
            String before = comments.substring(clauseStart(comments, amount.start()), amount.start());
            String after = comments.substring(end, clauseEnd(comments, end));
            EstimateQualifier qualifier = EstimateQualifier.EXACT;
            Matcher q = QUALIFIER.matcher(before);
            if (q.find()) {
                qualifier = qualifier(q.group("q"));
                before = before.substring(0, q.start());
            }
            if (COMPONENT.matcher(before).find()) {
                continue;
            }
            boolean partOf = PART_OF.matcher(before).find();
            if (!VALUE_AFTER.matcher(after).find() && (partOf || !VALUE_BEFORE.matcher(before).find())) {
                continue;
            }
            String scope = partOf ? PART_SCOPE : SCOPE;
            estimates.add(estimate(amount, qualifier, scope));
            if (converted != null) {
                estimates.add(estimate(converted, qualifier, scope));
            }
        }
        return estimates;
    }

    private static List<Amount> amounts(String comments) {
        List<Amount> amounts = new ArrayList<>();
        Matcher m = MONEY.matcher(comments);
        while (m.find()) {
            String currency = m.group("symbol") != null ? SYMBOLS.get(m.group("symbol")) : currency(m.group("code"));
            if (currency == null) {
                continue;
            }
            int exponent = switch (m.group("unit")) {
                case "m", "million" -> 6;
                case "b", "bn", "billion" -> 9;
                default -> 12;
            };
            BigDecimal low = new BigDecimal(m.group("low")).movePointRight(exponent);
            BigDecimal high = m.group("high") == null ? null : new BigDecimal(m.group("high")).movePointRight(exponent);
            if (high != null && high.compareTo(low) < 0) {
                continue;
            }
            amounts.add(new Amount(m.start(), m.end(), currency, low, high));
        }
        return amounts;
    }

    private static String currency(String code) {
        String iso = LEGACY_CODES.getOrDefault(code, code);
        return ISO_CODES.contains(iso) ? iso : null;
    }

    private static EstimateQualifier qualifier(String words) {
        String q = words.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (q) {
            case "up to", "as much as" -> EstimateQualifier.UP_TO;
            case "could reach", "could be worth", "could total", "may reach" -> EstimateQualifier.COULD_REACH;
            case "at least", "more than", "over" -> EstimateQualifier.AT_LEAST;
            default -> EstimateQualifier.ABOUT;
        };
    }

    private static Estimate estimate(Amount amount, EstimateQualifier qualifier, String scope) {
        return amount.high() == null
                ? new Estimate(amount.low(), null, null, amount.currency(), qualifier, null, ValueBasis.CURRENT, scope)
                : new Estimate(null, amount.low(), amount.high(), amount.currency(), qualifier, null,
                ValueBasis.CURRENT, scope);
    }

    private static int clauseStart(String text, int from) {
        for (int i = from - 1; i >= 0; i--) {
            if (isClauseBreak(text.charAt(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int clauseEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isClauseBreak(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean isClauseBreak(char c) {
        return c == ';' || c == '(' || c == ')';
    }
}
