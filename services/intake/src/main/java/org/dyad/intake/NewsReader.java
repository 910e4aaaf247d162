package org.dyad.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a news report sentence by sentence. A sentence proposes a command when it holds one of the lifecycle's
 * event verbs (signed, agreed, ratified, entered into force, withdrew, suspended, renounced, extended, expired,
 * ordered, contracted, delivered, cancelled, protested, pledged, warned) and the actors, items, dates and amounts
 * that command needs; a negated or conditional verb ("no contracts are expected to be signed", "if Russia sells")
 * proposes nothing of its own. The subject before the verb is the actor that acts; a date near the verb is the
 * fact's date, otherwise the date of the report's main event (its first weekday or written date), otherwise the
 * publication date.
 */
final class NewsReader {

    private static final Pattern AGREEMENT_NOUN = Pattern.compile(
            "(?i)\\b(agreements?|accords?|treat(?:y|ies)|pacts?|memorand(?:um|a)(?: of understanding)?)\\b");
    private static final Pattern SIGN = Pattern.compile("(?i)\\b(signed|signing|signs|sign|concluded|reached)\\b");
    private static final Pattern AGREED_TO = Pattern.compile("(?i)\\bagreed to (?!(?:buy|purchase|sell|supply|acquire|deliver)\\b)([^,;.]+?)(?= but\\b| and\\b|[,;.]|$)");
    private static final Pattern COUNT = Pattern.compile("(?i)\\b(a pair of|two|three|four|both|a|an)\\s+(?:\\w+\\s+){0,2}?(?:agreements?|accords?|treaties|treaty|pacts?|memorand)");
    private static final Pattern DEFINITE = Pattern.compile("(?i)^\\s*(?:the|these|those|both|its|their) (?:\\w+ )?(?:agreements?|accords?|treat(?:y|ies)|pacts?)\\b");
    private static final Pattern ORDINAL = Pattern.compile("^(?:The|the) (first|second|third|fourth)(?: (?:agreement|accord|treaty|pact|one))?\\s+(.+?)[.]?$", Pattern.DOTALL);
    private static final Pattern CONTRACT = Pattern.compile("(?i)\\b(?:concluded|signed|awarded|finali[sz]ed|inked)\\s+(?:[\\w$€£.,-]+\\s+){0,4}?(?:contracts?|deals?)\\b|\\bcontracts? for (?:the )?sale of\\b");
    private static final Pattern BUY = Pattern.compile("(?i)\\b(?:buy|buys|bought|purchase|purchased|purchases|acquire|acquired|order|ordered|orders)\\b");
    private static final Pattern SELL = Pattern.compile("(?i)\\b(?:sell|sells|sold|supply|supplies|supplied|deliver|delivers|delivered|handed over|transferred)\\b");
    private static final Pattern GUARD = Pattern.compile("(?i)\\b(?:if|unless|whether|not|no|never|nor)\\b|n't\\b|expected to|to be signed");
    private static final Pattern STATEMENT = Pattern.compile("(?i)\\b(pledged|pledges|pledge|promised|vowed|protest|protested|protests|condemned|warned|warns|threatened|threatens)\\b");
    private static final Pattern CONDITION = Pattern.compile("(?i)\\b((?:if|unless) [^.;]+)");
    private static final Pattern MONEY_TOPIC = Pattern.compile("(?i)\\b(?:(?:total |the )?(?:arms |weapons )?(?:sales|deal|contract|package|purchase|order)s?)\\b");
    private static final Pattern SCOPE = Pattern.compile("(?i)\\b((?:total |the )?(?:arms |weapons )?(?:sales|deal|contract|package|purchase|order))s?\\s+(?:could|would|may|might|is|are|was|were|worth|valued)");
    private static final Pattern TRANSITION = Pattern.compile("(?i)\\b(renounced|renounces|repudiated|withdrew|withdraws|pulled out of|suspended|suspends|suspending|ratified|ratifies|entered into force|came into force|took effect|extended|extends|expired|expires|cancell?ed|cancels)\\b");
    private static final Pattern DEAL_NOUN = Pattern.compile("(?i)\\b(deal|contract|order|purchase|sale|tender|deliveries)s?\\b");
    private static final Pattern NAMED_TREATY = Pattern.compile("\\b(?:the )?((?:\\d{4} )?(?:[A-Z][\\w-]*\\s|\\([A-Z]+\\)\\s)+(?:Treaty|Agreement|Accord|Convention))");
    /** Where a description of the agreements' purpose starts, naming actors that are not parties. */
    private static final Pattern AGREEMENT_RELATIVE = Pattern.compile("\\b(?:aimed at|that|which|who|intended to)\\b");
    /** A non-restrictive relative clause: its actors are neither speakers nor addressees. */
    private static final Pattern RELATIVE = Pattern.compile(",\\s*(?:which|who|whom|where)\\b");
    private static final Pattern NOTICE_BEFORE = Pattern.compile("(?i)\\b(\\w+) months after (?:it|they|\\w+) (?:gave|had given|served) notice");
    private static final Pattern PLACE = Pattern.compile("\\b(?:in|to|at) $");

    /** An agreement the text reports as signed, filled in by later sentences. */
    private static final class AgreementDraft {
        String bodyId;
        String kind = "AGREEMENT";
        List<String> parties = new ArrayList<>();
        Map<String, FieldEvidence> partyEvidence = new LinkedHashMap<>();
        List<String> concerning = new ArrayList<>();
        Map<String, FieldEvidence> concerningEvidence = new LinkedHashMap<>();
        Mention<String> signedOn;
        String title;
        FieldEvidence titleEvidence;
        Set<String> subjects = new LinkedHashSet<>();
        String place;
        FieldEvidence placeEvidence;
        boolean secret;
        Span quote;
        List<Span> support = new ArrayList<>();
        int sentence;
    }

    /** A reported sale. */
    private static final class DealDraft {
        String supplier;
        FieldEvidence supplierEvidence;
        String recipient;
        FieldEvidence recipientEvidence;
        List<Mention<ItemReader.Item>> items = new ArrayList<>();
        String stage;
        FieldEvidence stageEvidence;
        Mention<String> reportedOn;
        Mention<MoneyReader.Money> estimate;
        String scope;
        Span quote;
        int sentence;
        String grade = "B2";
        String bodyId;
        /** The deal this one delivers, when the text reported both. */
        DealDraft deliveryOf;
    }

    private final String text;
    private final TextSource source;
    private final ActorFinder actors;
    private final ItemReader items;
    private final List<Span> sentences;
    private final ActorFinder.People people;
    private final Mention<String> anchor;
    private final List<Object> order = new ArrayList<>();
    /** What each sentence (or part of one) names, read once. */
    private final Map<Span, List<Mention<String>>> datesIn = new java.util.HashMap<>();
    private final Map<Span, List<ActorFinder.Named>> namedIn = new java.util.HashMap<>();
    private final List<AgreementDraft> agreements = new ArrayList<>();
    private final List<DealDraft> deals = new ArrayList<>();
    private final Map<String, Integer> idCounts = new LinkedHashMap<>();
    private List<AgreementDraft> lastSigned = List.of();
    private final List<List<AgreementDraft>> signedGroups = new ArrayList<>();
    /** Whether "the first agreement" has been read, so that "the second" alone names the second agreement. */
    private boolean ordinalsNamed;
    /** Transitions of an agreement the text names before it reports the signature ("withdrew from the INF Treaty"). */
    private final List<ProposalBuilder> awaitingAgreement = new ArrayList<>();
    private final Map<ProposalBuilder, String> awaitedNames = new LinkedHashMap<>();

    NewsReader(String text, TextSource source, ActorFinder actors, ItemReader items) {
        this.text = text;
        this.source = source;
        this.actors = actors;
        this.items = items;
        this.sentences = Sentences.split(text);
        this.people = actors.people(text);
        this.anchor = anchorDate();
    }

    private Mention<String> anchorDate() {
        List<Mention<String>> dates = DateReader.find(text, 0, text.length(), source.publishedOn());
        for (Mention<String> date : dates) {
            if (date.rule().startsWith("weekday") || date.rule().equals("written date")) {
                return new Mention<>(date.start(), date.end(), date.value(), 0.6,
                        "the date of the report's main event (" + text.substring(date.start(), date.end()) + ")");
            }
        }
        if (source.publishedOn() != null) {
            return new Mention<>(0, 0, source.publishedOn().toString(), 0.4, "the publication date");
        }
        return null;
    }

    List<Proposal> read() {
        for (int i = 0; i < sentences.size(); i++) {
            Span s = sentences.get(i);
            ordinal(s);
            agreements(i, s);
            transitions(i, s);
            statements(i, s);
            sales(i, s);
            estimateForRecentDeal(i, s);
        }
        mergeDeliveries();
        List<Proposal> proposals = new ArrayList<>();
        for (Object item : order) {
            String id = "p" + (proposals.size() + 1);
            if (item instanceof AgreementDraft a) {
                proposals.add(build(a, id));
            } else if (item instanceof DealDraft d) {
                proposals.add(build(d, id));
            } else if (item instanceof ProposalBuilder b) {
                proposals.add(b.build(id));
            }
        }
        return proposals;
    }

    // ---- agreements ----

    private void agreements(int index, Span s) {
        String sentence = s.of(text);
        Matcher sign = SIGN.matcher(sentence);
        while (sign.find()) {
            Matcher noun = AGREEMENT_NOUN.matcher(sentence);
            boolean near = false;
            while (noun.find()) {
                int distance = noun.start() >= sign.end() ? noun.start() - sign.end() : sign.start() - noun.end();
                near |= distance <= 40;
            }
            if (!near || guarded(sentence, sign.start())) {
                continue;
            }
            String after = sentence.substring(sign.end());
            if (DEFINITE.matcher(after).find() && !lastSigned.isEmpty()) {
                lastSigned.forEach(a -> a.support.add(s));
                return;
            }
            Matcher count = COUNT.matcher(sentence);
            int n = 1;
            if (count.find()) {
                n = switch (count.group(1).toLowerCase(Locale.ROOT)) {
                    case "a pair of", "two", "both" -> 2;
                    case "three" -> 3;
                    case "four" -> 4;
                    default -> 1;
                };
            }
            int verb = s.start() + sign.start();
            Mention<String> date = dateNear(s, verb);
            List<AgreementDraft> signed = new ArrayList<>();
            boolean awaited = sentence.matches("(?s)^(?:The|the) (?:treaty|agreement|accord|pact)\\b.*") && !awaitingAgreement.isEmpty();
            for (int k = 0; k < n; k++) {
                AgreementDraft a = new AgreementDraft();
                if (awaited) {
                    linkAwaiting(a, index, s, date);
                }
                a.sentence = index;
                a.signedOn = date;
                a.quote = s;
                a.kind = kindOf(sentence);
                parties(a, index, s, date);
                place(a, index);
                subjects(a, sentence);
                signed.add(a);
                agreements.add(a);
                order.add(a);
            }
            lastSigned = signed;
            signedGroups.add(signed);
            return;
        }
        Matcher agreed = AGREED_TO.matcher(sentence);
        if (agreed.find() && !guarded(sentence, agreed.start())) {
            int verb = s.start() + agreed.start();
            AgreementDraft a = new AgreementDraft();
            a.sentence = index;
            a.signedOn = dateNear(s, verb);
            a.quote = new Span(s.start(), s.start() + agreed.end());
            parties(a, index, s, a.signedOn);
            a.secret = sentence.substring(Math.max(0, agreed.start() - 20), agreed.start()).toLowerCase(Locale.ROOT)
                    .contains("secret");
            a.title = names(a.parties) + " agreement to " + agreed.group(1).trim();
            a.titleEvidence = new FieldEvidence(List.of(new Span(s.start() + agreed.start(1), s.start() + agreed.end(1))),
                    agreed.group(1), 0.6, "what the parties agreed to", List.of());
            subjects(a, sentence + " " + (index > 0 ? sentences.get(index - 1).of(text) : ""));
            agreements.add(a);
            order.add(a);
            lastSigned = List.of(a);
        }
    }

    /** The agreement a sentence like "The treaty, signed by …" introduces is the one named by earlier transitions. */
    private void linkAwaiting(AgreementDraft a, int index, Span s, Mention<String> date) {
        parties(a, index, s, date);
        a.signedOn = date;
        a.bodyId = bodyId(a);
        for (ProposalBuilder p : awaitingAgreement) {
            p.endpoint(p.endpoint().replace("{agreementId}", a.bodyId));
            p.dropNotes("choose the agreement");
            String name = awaitedNames.get(p);
            if (name != null && a.title == null) {
                a.title = name;
                a.titleEvidence = new FieldEvidence(List.of(), name, 0.7, "the name the text gives the agreement", List.of());
            }
        }
        awaitingAgreement.clear();
    }

    private void ordinal(Span s) {
        Matcher m = ORDINAL.matcher(s.of(text));
        if (!m.find()) {
            return;
        }
        boolean named = m.group().matches("(?s)^\\S+ \\S+ (?:agreement|accord|treaty|pact|one)\\b.*");
        if (!named && !ordinalsNamed) {
            return;
        }
        ordinalsNamed = true;
        int k = switch (m.group(1)) {
            case "first" -> 0;
            case "second" -> 1;
            case "third" -> 2;
            default -> 3;
        };
        List<AgreementDraft> group = null;
        for (int g = signedGroups.size() - 1; g >= 0 && group == null; g--) {
            if (signedGroups.get(g).size() > k) {
                group = signedGroups.get(g);
            }
        }
        if (group == null) {
            return;
        }
        AgreementDraft a = group.get(k);
        String what = m.group(2).trim();
        a.title = names(a.parties) + " agreement: " + what;
        Span span = new Span(s.start() + m.start(2), s.start() + m.end(2));
        a.titleEvidence = new FieldEvidence(List.of(span), span.of(text), 0.7,
                "the " + m.group(1) + " of the agreements, as the text describes it", List.of());
        a.subjects.clear();
        subjects(a, what);
        a.quote = s;
    }

    private static String kindOf(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        if (lower.contains("treaty") || lower.contains("treaties")) {
            return "TREATY";
        }
        if (lower.contains("memorand")) {
            return "MEMORANDUM";
        }
        return "AGREEMENT";
    }

    private void parties(AgreementDraft a, int index, Span s, Mention<String> date) {
        LocalDate on = date == null ? null : DateReader.earliest(date.value());
        for (Mention<String> m : states(withoutRelativeClause(s, AGREEMENT_RELATIVE), on)) {
            addActor(a.parties, a.partyEvidence, m);
        }
        if (a.parties.size() < 2 && index > 0) {
            Span previous = sentences.get(index - 1);
            List<Mention<String>> before = states(previous, on);
            for (Mention<String> m : before) {
                if (a.parties.size() < 2 && !a.parties.contains(m.value())) {
                    addActor(a.parties, a.partyEvidence, m);
                }
            }
            for (Mention<String> m : before) {
                if (!a.parties.contains(m.value())) {
                    addActor(a.concerning, a.concerningEvidence, m);
                }
            }
        }
    }

    private void place(AgreementDraft a, int index) {
        for (int i = index; i < Math.min(sentences.size(), index + 3); i++) {
            Span s = i == index ? withoutRelativeClause(sentences.get(i), AGREEMENT_RELATIVE) : sentences.get(i);
            for (ActorFinder.Named named : actors.find(text, s.start(), s.end(), ActorFinder.People.NONE)) {
                if (named.kind().equals("capital")
                        && PLACE.matcher(text.substring(Math.max(0, named.start() - 4), named.start())).find()) {
                    a.place = named.phrase();
                    a.placeEvidence = new FieldEvidence(List.of(new Span(named.start(), named.end())), named.phrase(),
                            i == index ? 0.7 : 0.5, "a capital the text places the event in", List.of());
                    return;
                }
            }
        }
    }

    private static void subjects(AgreementDraft a, String words) {
        String lower = words.toLowerCase(Locale.ROOT);
        if (lower.matches("(?s).*\\b(general principles|relations|relationship|friendship)\\b.*")) {
            a.subjects.add("GENERAL_RELATIONS");
        }
        if (lower.matches("(?s).*\\bmilitary\\b.*")) {
            a.subjects.add("MILITARY_COOPERATION");
        }
        if (lower.matches("(?s).*\\b(arms|weapons|weaponry)\\b.*")) {
            a.subjects.add("ARMS_TRADE");
        }
        if (lower.matches("(?s).*\\b(curb|limit|control|non-?proliferation|disarmament)\\b.*")) {
            a.subjects.add("ARMS_CONTROL");
        }
        if (lower.matches("(?s).*\\bnuclear\\b.*")) {
            a.subjects.add("NUCLEAR");
        }
        if (lower.matches("(?s).*\\b(economic|trade)\\b.*")) {
            a.subjects.add("ECONOMIC");
        }
        if (lower.matches("(?s).*\\b(sea|maritime|jurisdiction|border|boundary)\\b.*")) {
            a.subjects.add("MARITIME_BOUNDARY");
        }
        if (lower.matches("(?s).*\\b(oil|gas|energy)\\b.*")) {
            a.subjects.add("ENERGY");
        }
    }

    private Proposal build(AgreementDraft a, String id) {
        ProposalBuilder p = new ProposalBuilder(text, "SignAgreement", "POST /api/v1/agreements");
        if (a.bodyId == null) {
            a.bodyId = bodyId(a);
        }
        p.set("/id", a.bodyId, new FieldEvidence(List.of(), "", 1, "made by the engine; the analyst may change it", List.of()));
        String title = a.title != null ? a.title : names(a.parties) + " " + a.kind.toLowerCase(Locale.ROOT);
        p.set("/title", title.length() > 500 ? title.substring(0, 500) : title, a.titleEvidence != null ? a.titleEvidence
                : new FieldEvidence(List.of(a.quote), a.quote.of(text), 0.3, "no description in the text: named after its parties", List.of()));
        p.set("/kind", a.kind, new FieldEvidence(List.of(a.quote), a.quote.of(text), 0.6, "the noun the text uses", List.of()));
        if (!a.subjects.isEmpty()) {
            p.set("/subjects", List.copyOf(a.subjects), new FieldEvidence(List.of(a.quote), a.quote.of(text), 0.6,
                    "keywords of the description", List.of()));
        }
        putActors(p, "/parties", a.parties, a.partyEvidence);
        if (!a.concerning.isEmpty()) {
            putActors(p, "/concerning", a.concerning, a.concerningEvidence);
        }
        if (a.signedOn != null) {
            p.set("/signedOn", a.signedOn.value(), a.signedOn);
        }
        if (a.place != null) {
            p.set("/place", a.place, a.placeEvidence);
        }
        p.set("/secret", a.secret, a.secret ? new FieldEvidence(List.of(a.quote), a.quote.of(text), 0.8,
                "'secret' in the text", List.of()) : null);
        p.set("/grade", "B2", (FieldEvidence) null);
        p.source(source, a.quote, null);
        if (!a.support.isEmpty()) {
            p.note("also supported by " + a.support.stream().map(sp -> "\"" + sp.of(text) + "\"").toList());
        }
        return p.build(id);
    }

    // ---- agreement transitions and deal cancellations ----

    private void transitions(int index, Span s) {
        String sentence = s.of(text);
        Matcher t = TRANSITION.matcher(sentence);
        while (t.find()) {
            if (guarded(sentence, t.start()) || sentence.substring(0, t.start()).matches("(?is).*\\b(would|could|may|might|will)\\s+\\w*\\s*$")) {
                continue;
            }
            String verb = t.group(1).toLowerCase(Locale.ROOT);
            String after = sentence.substring(t.end(), Math.min(sentence.length(), t.end() + 60));
            String before = sentence.substring(Math.max(0, t.start() - 60), t.start());
            int at = s.start() + t.start();
            Mention<String> date = dateNear(s, at);
            LocalDate on = date == null ? null : DateReader.earliest(date.value());
            Mention<String> party = actorBefore(s, at, on);
            Span quote = new Span(s.start() + Math.max(0, clauseStart(sentence, t.start())), s.end());
            if (verb.startsWith("cancel")) {
                if (DEAL_NOUN.matcher(after).find() || DEAL_NOUN.matcher(before).find()) {
                    ProposalBuilder p = new ProposalBuilder(text, "CancelDeal",
                            "POST /api/v1/deals/{dealId}/cancellation");
                    p.set("/on", date == null ? null : date.value(), date);
                    p.set("/reason", reason(sentence, t), new FieldEvidence(List.of(quote), quote.of(text), 0.5,
                            "the clause of the verb", List.of()));
                    p.set("/grade", "B2", (FieldEvidence) null);
                    p.source(source, quote, null);
                    p.note("choose the deal: the cancellation names " + after.strip());
                    order.add(p);
                }
                continue;
            }
            String target = null;
            String targetNote = null;
            Matcher noun = AGREEMENT_NOUN.matcher(after + " " + before);
            if (!noun.find()) {
                continue;
            }
            Matcher named = NAMED_TREATY.matcher(after);
            if (named.find() && named.start() < 10) {
                targetNote = "choose the agreement: the text names " + named.group(1);
            } else if (!agreements.isEmpty() && index - agreements.get(agreements.size() - 1).sentence <= 3) {
                AgreementDraft a = agreements.get(agreements.size() - 1);
                target = a.bodyId == null ? (a.bodyId = bodyId(a)) : a.bodyId;
            } else {
                targetNote = "choose the agreement the text refers to";
            }
            String path = "/api/v1/agreements/" + (target != null ? target : "{agreementId}");
            ProposalBuilder p;
            if (verb.startsWith("renounc") || verb.equals("repudiated")) {
                p = partyAction("RenounceAgreement", path + "/renunciations", party, date);
                p.set("/reason", reason(sentence, t), new FieldEvidence(List.of(quote), quote.of(text), 0.5, "the clause of the verb", List.of()));
            } else if (verb.startsWith("suspend")) {
                p = partyAction("SuspendParticipation", path + "/suspensions", party, date);
            } else if (verb.startsWith("withdr") || verb.startsWith("pulled")) {
                p = new ProposalBuilder(text, "NotifyWithdrawal", "POST " + path + "/withdrawals");
                if (party != null) {
                    p.set("/party", party.value(), party);
                }
                p.set("/effectiveOn", date == null ? null : date.value(), date);
                Matcher notice = NOTICE_BEFORE.matcher(sentence);
                Integer months = notice.find() ? NumberWords.parse(notice.group(1)) : null;
                if (months != null && date != null) {
                    String noticeOn = "~" + java.time.YearMonth.from(DateReader.earliest(date.value()).minusMonths(months));
                    p.set("/noticeOn", noticeOn, new Mention<>(s.start() + notice.start(), s.start() + notice.end(),
                            noticeOn, 0.7, "notice given " + months + " months before the withdrawal took effect"));
                } else {
                    p.set("/noticeOn", date == null ? null : date.value(), date);
                    p.note("the text does not say when notice was given: check noticeOn");
                }
            } else if (verb.startsWith("ratif")) {
                p = new ProposalBuilder(text, "RecordConsentToBeBound", "POST " + path + "/consents");
                if (party != null) {
                    p.set("/party", party.value(), party);
                }
                p.set("/means", "RATIFICATION", new FieldEvidence(List.of(new Span(at, at + t.group().length())), t.group(), 0.9, "ratified", List.of()));
                p.set("/on", date == null ? null : date.value(), date);
            } else if (verb.contains("force") || verb.equals("took effect")) {
                p = new ProposalBuilder(text, "EnterIntoForce", "POST " + path + "/entry-into-force");
                p.set("/on", date == null ? null : date.value(), date);
            } else if (verb.startsWith("extend")) {
                p = new ProposalBuilder(text, "ExtendAgreement", "POST " + path + "/extensions");
                p.set("/on", date == null ? null : date.value(), date);
                p.note("give expiresOn: the new end the text names, if any");
            } else {
                p = new ProposalBuilder(text, "RecordExpiry", "POST " + path + "/expiry");
                p.set("/on", date == null ? null : date.value(), date);
            }
            if (target == null) {
                awaitingAgreement.add(p);
                if (named.find(0) && named.start() < 10) {
                    awaitedNames.put(p, named.group(1));
                }
            }
            if (targetNote != null) {
                p.note(targetNote);
            }
            p.set("/grade", "B2", (FieldEvidence) null);
            p.source(source, quote, null);
            order.add(p);
        }
    }

    private ProposalBuilder partyAction(String command, String path, Mention<String> party, Mention<String> date) {
        ProposalBuilder p = new ProposalBuilder(text, command, "POST " + path);
        if (party != null) {
            p.set("/party", party.value(), party);
        }
        if (date != null) {
            p.set("/on", date == null ? null : date.value(), date);
        }
        return p;
    }

    private static String reason(String sentence, Matcher verb) {
        String clause = sentence.substring(verb.start()).replaceAll("[.\\s]+$", "");
        return clause.length() > 1000 ? clause.substring(0, 1000) : clause;
    }

    // ---- statements ----

    private void statements(int index, Span s) {
        String sentence = s.of(text);
        Matcher m = STATEMENT.matcher(sentence);
        if (!m.find()) {
            return;
        }
        String verb = m.group(1).toLowerCase(Locale.ROOT);
        String kind = verb.startsWith("pledge") || verb.startsWith("promise") || verb.startsWith("vow") ? "PLEDGE"
                : verb.startsWith("protest") || verb.startsWith("condemn") ? "PROTEST" : "THREAT";
        int at = s.start() + m.start();
        Mention<String> date = dateNear(s, at);
        LocalDate on = date == null ? null : DateReader.earliest(date.value());
        Mention<String> speaker = actorBefore(s, at, on);
        List<Mention<String>> all = states(withoutRelativeClause(s, RELATIVE), on);
        if (speaker == null) {
            speaker = all.stream().filter(x -> x.start() > at).findFirst().orElse(null);
        }
        if (speaker == null) {
            return;
        }
        String speakerCode = speaker.value();
        List<String> addressees = new ArrayList<>();
        Map<String, FieldEvidence> addresseeEvidence = new LinkedHashMap<>();
        all.stream().filter(x -> !x.value().equals(speakerCode)).forEach(x -> addActor(addressees, addresseeEvidence, x));
        if (addressees.isEmpty()) {
            return;
        }
        ProposalBuilder p = new ProposalBuilder(text, "RecordStatement", "POST /api/v1/statements");
        p.set("/speaker", speakerCode, speaker);
        putActors(p, "/addressees", addressees, addresseeEvidence);
        p.set("/kind", kind, new FieldEvidence(List.of(new Span(at, at + m.group(1).length())), m.group(1), 0.85,
                "statement verb", List.of()));
        p.set("/madeOn", date == null ? null : date.value(), date);
        String summary = sentence.strip().replaceAll("\\s+", " ");
        p.set("/summary", summary.length() > 2000 ? summary.substring(0, 2000) : summary,
                new FieldEvidence(List.of(s), sentence, 0.6, "the sentence", List.of()));
        p.set("/cameoCode", switch (kind) {
            case "PROTEST" -> "114";
            case "THREAT" -> "130";
            default -> "030";
        }, new FieldEvidence(List.of(), "", 0.5, "CAMEO code of the statement's kind", List.of()));
        Matcher condition = CONDITION.matcher(sentence);
        if (condition.find(m.end())) {
            String words = condition.group(1).replaceAll("[“”\"]", "").strip();
            p.set("/condition", words.length() > 1000 ? words.substring(0, 1000) : words,
                    new Mention<>(s.start() + condition.start(1), s.start() + condition.end(1), words, 0.8, "if-clause"));
        }
        p.set("/grade", "B2", (FieldEvidence) null);
        p.source(source, s, null);
        order.add(p);
    }

    // ---- sales ----

    private void sales(int index, Span s) {
        String sentence = s.of(text);
        Matcher verb = CONTRACT.matcher(sentence);
        String stage;
        boolean selling = false;
        if (verb.find()) {
            stage = "CONTRACTED";
        } else if ((verb = BUY.matcher(sentence)).find()) {
            String w = verb.group().toLowerCase(Locale.ROOT);
            stage = w.equals("ordered") || w.equals("bought") || w.equals("purchased") || w.equals("acquired")
                    ? "CONTRACTED" : "REPORTED";
        } else if ((verb = SELL.matcher(sentence)).find()) {
            selling = true;
            String w = verb.group().toLowerCase(Locale.ROOT);
            stage = w.equals("sold") ? "CONTRACTED"
                    : w.endsWith("ed") || w.equals("handed over") ? "DELIVERING" : "REPORTED";
        } else {
            return;
        }
        if (guarded(sentence, verb.start())) {
            return;
        }
        List<Mention<ItemReader.Item>> found = items.find(text, s.start(), s.end());
        if (found.isEmpty()) {
            return;
        }
        int at = s.start() + verb.start();
        int verbEnd = s.start() + verb.end();
        Mention<String> date = dateNear(s, at);
        LocalDate on = date == null ? null : DateReader.earliest(date.value());
        List<Mention<String>> all = states(s, on);
        Mention<String> before = actorBefore(s, at, on);
        Mention<String> after = all.stream().filter(x -> x.start() >= verbEnd)
                .filter(x -> before == null || !x.value().equals(before.value())).findFirst().orElse(null);
        Mention<String> first = before != null ? before : after;
        if (first == null) {
            return;
        }
        Mention<String> other = after != null && after != first ? after
                : all.stream().filter(x -> !x.value().equals(first.value())).findFirst().orElse(null);
        if (other == null) {
            return;
        }
        Mention<String> supplier = selling ? first : other;
        Mention<String> recipient = selling ? other : first;
        String verbWords = verb.group();
        FieldEvidence stageEvidence = new FieldEvidence(List.of(new Span(at, verbEnd)), verbWords, 0.8,
                "the verb '" + verbWords + "'", List.of());
        boolean onePerItem = verbWords.toLowerCase(Locale.ROOT).contains("contracts") && found.size() > 1;
        List<List<Mention<ItemReader.Item>>> groups = new ArrayList<>();
        if (onePerItem) {
            found.forEach(f -> groups.add(List.of(f)));
        } else {
            groups.add(found);
        }
        List<Mention<MoneyReader.Money>> money = MoneyReader.find(text, s.start(), s.end());
        for (List<Mention<ItemReader.Item>> group : groups) {
            DealDraft d = new DealDraft();
            d.sentence = index;
            d.supplier = supplier.value();
            d.supplierEvidence = supplier.evidence(text);
            d.recipient = recipient.value();
            d.recipientEvidence = recipient.evidence(text);
            d.items.addAll(group);
            d.stage = stage;
            d.stageEvidence = stageEvidence;
            d.reportedOn = date;
            d.quote = s;
            if (!onePerItem && !money.isEmpty()) {
                d.estimate = money.get(0);
            }
            deals.add(d);
            order.add(d);
        }
    }

    /** A sentence that only prices sales just reported ("total arms sales could reach $7 billion"). */
    private void estimateForRecentDeal(int index, Span s) {
        String sentence = s.of(text);
        if (!MONEY_TOPIC.matcher(sentence).find()) {
            return;
        }
        List<Mention<MoneyReader.Money>> money = MoneyReader.find(text, s.start(), s.end());
        if (money.isEmpty() || deals.stream().anyMatch(d -> d.sentence == index)) {
            return;
        }
        for (int k = deals.size() - 1; k >= 0; k--) {
            DealDraft d = deals.get(k);
            if (index - d.sentence > 2) {
                break;
            }
            if (d.estimate == null && d.sentence < index) {
                d.estimate = money.get(0);
                Matcher scope = SCOPE.matcher(sentence);
                d.scope = scope.find() ? scope.group(1).strip() : null;
                d.quote = s;
                if (sentence.toLowerCase(Locale.ROOT).matches("(?s).*\\b(reports|reportedly|sources)\\b.*")) {
                    d.grade = "C3";
                }
                return;
            }
        }
    }

    /**
     * A delivery of a deal the same text reports ("Russia delivered the first S-400 … Turkey ordered the S-400 in
     * 2017") is a delivery of that deal, not a second deal.
     */
    private void mergeDeliveries() {
        for (DealDraft d : deals) {
            String base = (d.supplier + "-" + d.recipient).toLowerCase(Locale.ROOT)
                    + (d.reportedOn == null ? "" : "-" + d.reportedOn.value().replace("~", "").substring(0, 4)) + "-sale";
            d.bodyId = base + "-" + idCounts.merge(base, 1, Integer::sum);
        }
        for (DealDraft later : List.copyOf(deals)) {
            if (!"DELIVERING".equals(later.stage)) {
                continue;
            }
            for (DealDraft earlier : deals) {
                if (earlier == later || "DELIVERING".equals(earlier.stage) || !earlier.supplier.equals(later.supplier)
                        || !earlier.recipient.equals(later.recipient)) {
                    continue;
                }
                Set<String> designations = new LinkedHashSet<>();
                earlier.items.forEach(m -> designations.add(m.value().designation()));
                if (later.items.stream().anyMatch(m -> designations.contains(m.value().designation()))) {
                    later.deliveryOf = earlier;
                    order.remove(later);
                    order.add(order.indexOf(earlier) + 1, later);
                    break;
                }
            }
        }
    }

    private Proposal delivery(DealDraft d, String id) {
        ProposalBuilder p = new ProposalBuilder(text, "RecordDelivery",
                "POST /api/v1/deals/" + d.deliveryOf.bodyId + "/deliveries");
        if (d.reportedOn != null) {
            p.set("/tranche/deliveredOn", d.reportedOn.value(), d.reportedOn);
        }
        int i = 0;
        for (Mention<ItemReader.Item> m : d.items) {
            String at = "/tranche/items/" + i++;
            p.set(at + "/designation", m.value().designation(), m);
            p.set(at + "/quantity", m.value().quantity(), m);
            p.set(at + "/quantityUncertain", m.value().quantityUncertain(), m);
        }
        p.set("/grade", d.grade, (FieldEvidence) null);
        p.source(source, d.quote, null);
        return p.build(id);
    }

    private Proposal build(DealDraft d, String id) {
        if (d.deliveryOf != null) {
            return delivery(d, id);
        }
        ProposalBuilder p = new ProposalBuilder(text, "ReportSale", "POST /api/v1/deals");
        p.set("/id", d.bodyId, new FieldEvidence(List.of(), "", 1, "made by the engine; the analyst may change it", List.of()));
        p.set("/supplier", d.supplier, d.supplierEvidence);
        p.set("/recipient", d.recipient, d.recipientEvidence);
        int i = 0;
        for (Mention<ItemReader.Item> m : d.items) {
            String at = "/items/" + i++;
            p.set(at + "/designation", m.value().designation(), m);
            p.set(at + "/description", m.value().description(), m);
            p.set(at + "/category", m.value().category(), m);
            p.set(at + "/quantity", m.value().quantity(), m);
            p.set(at + "/quantityUncertain", m.value().quantityUncertain(), m);
        }
        p.set("/stage", d.stage, d.stageEvidence);
        if (d.reportedOn != null) {
            p.set("/reportedOn", d.reportedOn.value(), d.reportedOn);
        }
        if (d.estimate != null) {
            MoneyReader.Money money = d.estimate.value();
            p.set("/estimate/amount", money.amount(), d.estimate);
            p.set("/estimate/currency", money.currency(), d.estimate);
            p.set("/estimate/qualifier", money.qualifier(), d.estimate);
            if (d.scope != null) {
                p.set("/estimate/scope", d.scope, d.estimate);
            }
        }
        p.set("/grade", d.grade, (FieldEvidence) null);
        p.source(source, d.quote, null);
        return p.build(id);
    }

    // ---- shared ----

    /** Whether a negation or a condition stands before {@code verb} in its clause. */
    private static boolean guarded(String sentence, int verb) {
        int start = clauseStart(sentence, verb);
        return GUARD.matcher(sentence.substring(start, verb)).find();
    }

    private static int clauseStart(String sentence, int at) {
        int start = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = sentence.charAt(i);
            if (c == ',' || c == ';' || c == ':' || c == '—' || c == '“' || c == '"') {
                start = i + 1;
                break;
            }
        }
        return start;
    }

    /** The sentence up to the first match of {@code relative}. */
    private Span withoutRelativeClause(Span s, Pattern relative) {
        Matcher m = relative.matcher(text).region(s.start(), s.end());
        return m.find() ? new Span(s.start(), m.start()) : s;
    }

    /** The states named in a sentence, resolved on {@code on}, in order. */
    private List<Mention<String>> states(Span s, LocalDate on) {
        List<Mention<String>> found = new ArrayList<>();
        for (ActorFinder.Named named : namedIn.computeIfAbsent(s, span -> actors.find(text, span.start(), span.end(), people))) {
            if (actors.isState(named.code())) {
                found.add(actors.resolve(named, on));
            }
        }
        return found;
    }

    /** The state nearest before {@code at} in the sentence: the subject of the verb. */
    private Mention<String> actorBefore(Span s, int at, LocalDate on) {
        Mention<String> best = null;
        for (Mention<String> m : states(s, on)) {
            if (m.end() <= at) {
                best = m;
            }
        }
        return best;
    }

    /** The date nearest the verb in its sentence, else the report's main event. */
    private Mention<String> dateNear(Span s, int at) {
        Mention<String> best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Mention<String> date : datesIn.computeIfAbsent(s, span -> DateReader.find(text, span.start(), span.end(),
                source.publishedOn()))) {
            int distance = date.start() >= at ? date.start() - at : at - date.end();
            if (distance < bestDistance) {
                best = date;
                bestDistance = distance;
            }
        }
        return best != null ? best : anchor;
    }

    private static void addActor(List<String> codes, Map<String, FieldEvidence> evidence, Mention<String> m) {
        if (!codes.contains(m.value())) {
            codes.add(m.value());
            evidence.put(m.value(), new FieldEvidence(List.of(m.span()), null, m.confidence(), m.rule(),
                    m.alternatives()));
        } else {
            FieldEvidence known = evidence.get(m.value());
            List<Span> spans = new ArrayList<>(known.spans());
            spans.add(m.span());
            evidence.put(m.value(), new FieldEvidence(spans, null, Math.max(known.confidence(), m.confidence()),
                    known.rule(), known.alternatives()));
        }
    }

    private void putActors(ProposalBuilder p, String pointer, List<String> codes, Map<String, FieldEvidence> evidence) {
        p.set(pointer, codes, (FieldEvidence) null);
        for (int i = 0; i < codes.size(); i++) {
            FieldEvidence e = evidence.get(codes.get(i));
            String quote = e.spans().stream().map(sp -> sp.of(text)).distinct().reduce((a, b) -> a + " … " + b).orElse("");
            p.set(pointer + "/" + i, codes.get(i), new FieldEvidence(e.spans(), quote, e.confidence(), e.rule(),
                    e.alternatives()));
        }
    }

    private String names(List<String> codes) {
        return String.join("–", codes.stream().map(actors::name).toList());
    }

    private String bodyId(AgreementDraft a) {
        String base = String.join("-", a.parties.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList())
                + (a.signedOn == null ? "" : "-" + a.signedOn.value().replace("~", "").substring(0, 4));
        int n = idCounts.merge(base, 1, Integer::sum);
        return (base.isEmpty() ? "agreement" : base) + "-" + n;
    }
}
