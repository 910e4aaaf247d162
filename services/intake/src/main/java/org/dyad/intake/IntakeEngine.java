package org.dyad.intake;

import org.dyad.actors.ActorRegistry;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns a text and its source into a {@link Draft}: proposed commands, each exactly the body an analyst would post,
 * and for every field the words it came from. The kind of text is recognised by its marks; DSCA notifications and
 * Federal Register transmittals are read by their structure, news reports sentence by sentence by rules. Nothing is
 * looked up on the network and nothing is recorded. One engine serves any number of threads; the designations it
 * knows are fixed when it is made, so a caller that learns new ones makes a new engine.
 */
public final class IntakeEngine {

    /** The longest text drafted, in characters: a long news report or notification is well under it. */
    public static final int MAX_TEXT_CHARS = 100_000;
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F]");
    private static final Pattern FEDERAL_REGISTER_HEAD = Pattern.compile("Transmittal No\\.|Arms Sales Notification");
    private static final Pattern FEDERAL_REGISTER_BODY = Pattern.compile("Prospective Purchaser:|Total Estimated Value");
    private static final Pattern DSCA = Pattern.compile(
            "(?i)(determination approving a possible Foreign Military Sale|Defense Security Cooperation Agency delivered"
                    + " the required certification)");

    private final ActorFinder actors;
    private final ItemReader items;

    /**
     * @param registry          the actor list
     * @param knownDesignations the weapon designations Dyad knows (those of the deals on record, SIPRI's included);
     *                          the engine adds its own list of common names and DSCA's phrasing
     */
    public IntakeEngine(ActorRegistry registry, Collection<String> knownDesignations) {
        this.actors = new ActorFinder(Objects.requireNonNull(registry, "registry"));
        this.items = new ItemReader(knownDesignations == null ? List.of() : knownDesignations);
    }

    /** An engine with the standard actor list and no designations beyond its own. */
    public static IntakeEngine standard() {
        return new IntakeEngine(ActorRegistry.standard(), List.of());
    }

    /**
     * Drafts the commands a text supports.
     *
     * @throws InvalidTextException naming {@code text} or {@code source} when the input is empty, over
     *                              {@link #MAX_TEXT_CHARS}, or not plain text
     */
    public Draft draft(String text, TextSource source) {
        return draft(text, source, null);
    }

    /**
     * Drafts the commands a text supports, reading it as {@code kind} when the analyst says what it is ({@code null}:
     * recognise it).
     *
     * @throws InvalidTextException as {@link #draft(String, TextSource)}
     */
    public Draft draft(String text, TextSource source, TextKind kind) {
        if (text == null || text.isBlank()) {
            throw new InvalidTextException("text", "must not be empty");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new InvalidTextException("text", "is " + text.length() + " characters; the limit is "
                    + MAX_TEXT_CHARS);
        }
        if (CONTROL.matcher(text).find()) {
            throw new InvalidTextException("text", "must be plain text, without control characters");
        }
        if (source == null) {
            throw new InvalidTextException("source", "must be given (at least the publication date)");
        }
        if (source.language() != null && !source.language().equals("en")) {
            throw new InvalidTextException("source.language", "the rules read English ('en'), not '"
                    + source.language() + "'");
        }
        double confidence = 1;
        if (kind == null) {
            if (FEDERAL_REGISTER_HEAD.matcher(text).find() && FEDERAL_REGISTER_BODY.matcher(text).find()) {
                kind = TextKind.FEDERAL_REGISTER_TRANSMITTAL;
                confidence = 0.95;
            } else if (DSCA.matcher(text).find()) {
                kind = TextKind.DSCA_NOTIFICATION;
                confidence = 0.95;
            } else {
                kind = TextKind.NEWS_REPORT;
                confidence = 0.7;
            }
        }
        List<Proposal> proposals = switch (kind) {
            case FEDERAL_REGISTER_TRANSMITTAL -> new NotificationReader(text, source, actors, items).federalRegister();
            case DSCA_NOTIFICATION -> new NotificationReader(text, source, actors, items).dsca();
            case NEWS_REPORT -> new NewsReader(text, source, actors, items).read();
        };
        return new Draft(kind, confidence, source, proposals);
    }
}
