package org.dyad.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two shapes of a US arms sale notified to Congress under section 36(b) of the Arms Export Control Act:
 * DSCA's press release ("The State Department has made a determination approving a possible Foreign Military Sale
 * to … The estimated total cost is $… ") and the Federal Register's transmittal (Transmittal No., (i) Prospective
 * Purchaser, (ii) Total Estimated Value with Major Defense Equipment, Other and Total, (iii) the articles). Each
 * gives one {@code NotifySale} proposal; the supplier is the United States.
 */
final class NotificationReader {

    static final String COMMAND = "NotifySale";
    static final String ENDPOINT = "POST /api/v1/deals/notifications";
    private static final String SUPPORT = "(?is)^(?:follow-on |continued )?(?:support|sustainment|services|training"
            + "|logistics|maintenance)\\b.*";
    private static final Pattern DSCA_RECIPIENT = Pattern.compile(
            "possible Foreign Military Sale to (?:the )?(.{3,160}?)(?= for |\\.\\s|$)");
    private static final Pattern DSCA_ISSUED = Pattern.compile("(?i)(?:issued|released|WASHINGTON,?) ("
            + "(?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{1,2},? \\d{4})");
    private static final Pattern REQUESTED = Pattern.compile("(?s)has requested (?:to buy |the possible sale of |to purchase )?(.+?)(?:\\.\\s|\\.$)");
    private static final Pattern MDE_LIST = Pattern.compile(
            "(?s)Major Defense Equipment \\(MDE\\):\\s*(.+?)(?=Non-MDE|Also included|Non-Major Defense Equipment|\\(iv\\)|\\n\\s*\\n\\s*[A-Z][a-z]|$)");
    private static final Pattern NON_MDE = Pattern.compile("(?s)(?:Non-MDE|Non-Major Defense Equipment)[^:]*:\\s*(.+?)(?=\\(iv\\)|\\n\\s*\\n|$)");
    private static final Pattern ALSO_INCLUDED = Pattern.compile("(?s)Also included (?:are|is) (.+?)(?:\\.\\s|\\.$)");
    private static final Pattern TRANSMITTAL = Pattern.compile("Transmittal No\\.? ?(\\d{2}-\\d{1,3}[A-Z]?)");
    private static final Pattern PURCHASER = Pattern.compile("Prospective Purchaser:\\s*(.+)");
    private static final String VALUE = "\\.{2,}\\s*\\$\\s?(\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?) (million|billion)";
    private static final Pattern MDE_VALUE = Pattern.compile("Major Defense Equipment\\*?" + VALUE);
    private static final Pattern OTHER_VALUE = Pattern.compile("\\bOther" + VALUE);
    private static final Pattern TOTAL_VALUE = Pattern.compile("\\bTotal" + VALUE);
    private static final Pattern DELIVERED_TO_CONGRESS = Pattern.compile(
            "Date Report Delivered to Congress:\\s*((?:January|February|March|April|May|June|July|August|September"
                    + "|October|November|December) \\d{1,2},? \\d{4})");

    private final String text;
    private final TextSource source;
    private final ActorFinder actors;
    private final ItemReader items;

    NotificationReader(String text, TextSource source, ActorFinder actors, ItemReader items) {
        this.text = text;
        this.source = source;
        this.actors = actors;
        this.items = items;
    }

    List<Proposal> dsca() {
        List<Span> sentences = Sentences.split(text);
        Span first = sentences.stream().filter(s -> s.of(text).contains("possible Foreign Military Sale"))
                .findFirst().orElse(sentences.get(0));
        ProposalBuilder p = new ProposalBuilder(text, COMMAND, ENDPOINT);
        supplier(p);
        Matcher r = DSCA_RECIPIENT.matcher(text);
        LocalDate on = notifiedOnDsca(p);
        if (r.find()) {
            recipient(p, r.start(1), r.end(1), "recipient after 'possible Foreign Military Sale to'", on);
        }
        List<Mention<ItemReader.Item>> found = new ArrayList<>();
        Matcher mde = MDE_LIST.matcher(text);
        if (mde.find() && !mde.group(1).trim().startsWith("None")) {
            found.addAll(items.find(text, mde.start(1), mde.end(1)));
        } else {
            Matcher req = REQUESTED.matcher(text);
            if (req.find()) {
                found.addAll(requested(req.start(1), req.end(1)));
            }
        }
        items(p, found);
        estimate(p, "DSCA");
        Matcher number = TRANSMITTAL.matcher(text);
        notification(p, number.find() ? new Mention<>(number.start(1), number.end(1), number.group(1), 0.9,
                "Transmittal No.") : null);
        p.set("/grade", "A1", (FieldEvidence) null);
        p.source(source, first, "Defense Security Cooperation Agency");
        return List.of(p.build("p1"));
    }

    List<Proposal> federalRegister() {
        ProposalBuilder p = new ProposalBuilder(text, COMMAND, ENDPOINT);
        supplier(p);
        LocalDate on = notifiedOnFederalRegister(p);
        Matcher purchaser = PURCHASER.matcher(text);
        Span quote = new Span(0, Math.min(text.length(), 200));
        if (purchaser.find()) {
            recipient(p, purchaser.start(1), purchaser.end(1), "(i) Prospective Purchaser", on);
            quote = new Span(purchaser.start(), purchaser.end());
        }
        List<Mention<ItemReader.Item>> found = new ArrayList<>();
        Matcher mde = MDE_LIST.matcher(text);
        boolean anyMde = mde.find() && !mde.group(1).trim().startsWith("None");
        if (anyMde) {
            found.addAll(items.find(text, mde.start(1), mde.end(1)));
        } else {
            Matcher other = NON_MDE.matcher(text);
            if (other.find()) {
                found.addAll(requested(other.start(1), other.end(1)));
            }
        }
        items(p, found);
        Matcher total = TOTAL_VALUE.matcher(text);
        if (total.find()) {
            BigDecimal amount = amount(total.group(1), total.group(2));
            Mention<Object> m = new Mention<>(total.start(), total.end(), amount, 0.95, "(ii) Total Estimated Value");
            p.set("/estimate/amount", amount, m);
            p.set("/estimate/currency", "USD", m);
            p.set("/estimate/qualifier", "ESTIMATED_TOTAL_COST", m);
            p.set("/estimate/scope", "total estimated value", m);
            Matcher mdeValue = MDE_VALUE.matcher(text);
            if (mdeValue.find()) {
                p.note("Major Defense Equipment value: " + amount(mdeValue.group(1), mdeValue.group(2)).toPlainString()
                        + " USD (characters " + mdeValue.start() + "-" + mdeValue.end() + ")");
            }
            Matcher otherValue = OTHER_VALUE.matcher(text);
            if (otherValue.find()) {
                p.note("other (non-MDE) value: " + amount(otherValue.group(1), otherValue.group(2)).toPlainString()
                        + " USD (characters " + otherValue.start() + "-" + otherValue.end() + ")");
            }
        } else {
            estimate(p, "Federal Register");
        }
        Matcher number = TRANSMITTAL.matcher(text);
        notification(p, number.find() ? new Mention<>(number.start(1), number.end(1), number.group(1), 0.95,
                "Transmittal No.") : null);
        p.set("/grade", "A1", (FieldEvidence) null);
        p.source(source, quote, "Federal Register");
        return List.of(p.build("p1"));
    }

    private void supplier(ProposalBuilder p) {
        Matcher state = Pattern.compile("State Department|Department of Defense|Defense Security Cooperation Agency"
                + "|Arms Export Control Act").matcher(text);
        FieldEvidence why = state.find()
                ? new FieldEvidence(List.of(new Span(state.start(), state.end())), state.group(), 0.95,
                "a US notification: the United States sells", List.of())
                : new FieldEvidence(List.of(), "", 0.8, "a US notification: the United States sells", List.of());
        p.set("/supplier", "USA", why);
    }

    private void recipient(ProposalBuilder p, int from, int to, String rule, LocalDate on) {
        List<ActorFinder.Named> named = actors.find(text, from, to, ActorFinder.People.NONE);
        Optional<ActorFinder.Named> state = named.stream().filter(n -> actors.isState(n.code())).findFirst();
        if (state.isPresent()) {
            Mention<String> m = actors.resolve(state.get(), on);
            p.set("/recipient", m.value(), new FieldEvidence(List.of(new Span(from, to)), text.substring(from, to),
                    Math.min(0.95, m.confidence() + 0.05), rule + "; " + m.rule(), m.alternatives()));
        } else {
            p.note("recipient not in the actor list: '" + text.substring(from, to) + "'");
        }
    }

    /** What a requested-articles passage holds: support for a weapon, or the weapons themselves. */
    private List<Mention<ItemReader.Item>> requested(int from, int to) {
        String words = text.substring(from, to).strip();
        if (words.matches(SUPPORT)) {
            int cut = words.indexOf(" for ");
            String description = (cut > 0 ? words.substring(0, cut) : words).toLowerCase();
            List<Mention<ItemReader.Item>> inside = items.find(text, from, to);
            String designation = inside.stream().map(m -> m.value().designation())
                    .filter(d -> Character.isUpperCase(d.charAt(0))).findFirst().orElse("support and services");
            return List.of(new Mention<>(from, to, new ItemReader.Item(designation, description, null, null, false),
                    0.8, "support for a weapon, not the weapon"));
        }
        return items.find(text, from, to).stream()
                .filter(m -> m.value().quantity() != null || Character.isUpperCase(m.value().designation().charAt(0)))
                .toList();
    }

    private void items(ProposalBuilder p, List<Mention<ItemReader.Item>> found) {
        int i = 0;
        for (Mention<ItemReader.Item> m : found) {
            String at = "/items/" + i++;
            ItemReader.Item item = m.value();
            p.set(at + "/designation", item.designation(), m);
            p.set(at + "/description", item.description(), m);
            p.set(at + "/category", item.category(), m);
            p.set(at + "/quantity", item.quantity(), m);
            p.set(at + "/quantityUncertain", item.quantityUncertain(), m);
        }
        if (found.isEmpty()) {
            p.note("no items found: the analyst must name what is sold");
        }
    }

    private void estimate(ProposalBuilder p, String kind) {
        List<Mention<MoneyReader.Money>> money = MoneyReader.find(text, 0, text.length());
        List<Mention<MoneyReader.Money>> estimated = money.stream()
                .filter(m -> m.value().qualifier().equals("ESTIMATED_TOTAL_COST")).toList();
        if (estimated.isEmpty()) {
            return;
        }
        Mention<MoneyReader.Money> best = estimated.stream()
                .filter(m -> text.substring(m.start(), m.end()).contains("total")).findFirst()
                .orElse(estimated.get(0));
        List<Span> spans = estimated.stream().filter(m -> m.value().amount().compareTo(best.value().amount()) == 0)
                .map(Mention::span).toList();
        double confidence = spans.size() == estimated.size() ? 0.95 : 0.7;
        FieldEvidence why = new FieldEvidence(spans, text.substring(best.start(), best.end()), confidence,
                kind + " estimated cost", best.alternatives());
        p.set("/estimate/amount", best.value().amount(), why);
        p.set("/estimate/currency", best.value().currency(), why);
        p.set("/estimate/qualifier", "ESTIMATED_TOTAL_COST", why);
        p.set("/estimate/scope", text.substring(best.start(), best.end()).contains("program")
                ? "estimated total program cost" : "estimated total cost", why);
    }

    private void notification(ProposalBuilder p, Mention<String> number) {
        if (number != null) {
            p.set("/notification/number", number.value(), number);
        }
        Matcher congress = Pattern.compile("notifying Congress|Speaker of the House|Congress").matcher(text);
        p.set("/notification/notifiedTo", "US Congress", congress.find()
                ? new FieldEvidence(List.of(new Span(congress.start(), congress.end())), congress.group(), 0.9,
                "notified to Congress under section 36(b)", List.of())
                : new FieldEvidence(List.of(), "", 0.7, "36(b) notifications go to Congress", List.of()));
    }

    private LocalDate notifiedOnDsca(ProposalBuilder p) {
        Matcher issued = DSCA_ISSUED.matcher(text);
        if (issued.find()) {
            List<Mention<String>> dates = DateReader.find(text, issued.start(1), issued.end(1), null);
            if (!dates.isEmpty()) {
                p.set("/notifiedOn", dates.get(0).value(), new FieldEvidence(List.of(dates.get(0).span()),
                        issued.group(1), 0.95, "date the release was issued: DSCA notifies Congress that day",
                        List.of()));
                return DateReader.earliest(dates.get(0).value());
            }
        }
        if (source.publishedOn() != null) {
            p.set("/notifiedOn", source.publishedOn().toString(), new FieldEvidence(List.of(), "", 0.6,
                    "publication date of the release", List.of()));
            return source.publishedOn();
        }
        return null;
    }

    private LocalDate notifiedOnFederalRegister(ProposalBuilder p) {
        Matcher delivered = DELIVERED_TO_CONGRESS.matcher(text);
        if (delivered.find()) {
            List<Mention<String>> dates = DateReader.find(text, delivered.start(1), delivered.end(1), null);
            p.set("/notifiedOn", dates.get(0).value(), dates.get(0));
            return DateReader.earliest(dates.get(0).value());
        }
        if (source.publishedOn() != null) {
            String month = "~" + source.publishedOn().toString().substring(0, 7);
            p.set("/notifiedOn", month, new FieldEvidence(List.of(), "", 0.3,
                    "the text does not say when Congress was notified; the publication's month, approximate",
                    List.of()));
            p.note("the date of the notification to Congress is not in this excerpt: check (viii) of the notice");
            return source.publishedOn();
        }
        return null;
    }

    private static BigDecimal amount(String number, String scale) {
        BigDecimal amount = new BigDecimal(number.replace(",", ""))
                .multiply(scale.equals("billion") ? new BigDecimal("1e9") : new BigDecimal("1e6"));
        return amount.stripTrailingZeros().scale() < 0 ? amount.setScale(0) : amount.stripTrailingZeros();
    }
}
