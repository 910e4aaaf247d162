package org.dyad.intake;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Drafting a text at the size limit costs about what its parts cost, whatever the text holds: no rule's time grows
 * with the square of the text. Compared with a baseline measured here, generously for a loaded machine.
 */
class DraftingCostTest {

    private static final IntakeEngine ENGINE = IntakeEngine.standard();
    private static final TextSource WIRE = TextSource.publishedOn(LocalDate.parse("2019-08-03"));

    private static String news() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("news-india-rafale-2016.txt", "news-turkey-s400-2019.txt",
                "news-inf-withdrawal-2019.txt")) {
            text.append(ReferenceTexts.written(name).text()).append("\n\n");
        }
        return text.toString();
    }

    private static String fill(String unit) {
        return unit.repeat((IntakeEngine.MAX_TEXT_CHARS - 1) / unit.length());
    }

    private static long nanos(Supplier<Draft> drafting) {
        long start = System.nanoTime();
        drafting.get();
        return System.nanoTime() - start;
    }

    @Test
    void aTextAtTheLimitCostsAboutItsPartsTimesTheirNumber() {
        String part = news();
        for (int i = 0; i < 20; i++) {
            ENGINE.draft(part, WIRE);
        }
        long baseline = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            baseline = Math.min(baseline, nanos(() -> ENGINE.draft(part, WIRE)));
        }
        String whole = fill(part);
        int parts = whole.length() / part.length();
        long perPart = baseline;
        Draft draft = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ENGINE.draft(whole, WIRE));
        long took = nanos(() -> ENGINE.draft(whole, WIRE));
        assertThat(draft.proposals()).hasSizeGreaterThan(parts);
        // linear in the number of parts, with room for a loaded machine; a quadratic rule would take ~parts times more
        assertThat(took).as("drafting %d parts took %d ms; one part %d µs", parts, took / 1_000_000, perPart / 1_000)
                .isLessThan(10L * parts * perPart + Duration.ofSeconds(3).toNanos());
    }

    @Test
    void tensOfThousandsOfKnownDesignationsCostLittleMore() {
        List<String> register = new java.util.ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            register.add("Designation " + i + (i % 2 == 0 ? " Mk " + (i % 7) : ""));
        }
        register.add("Tiger");
        IntakeEngine knowing = new IntakeEngine(org.dyad.actors.ActorRegistry.standard(), register);
        String whole = fill(news() + "Spain ordered two Tiger helicopters from France on Friday. ");
        for (int i = 0; i < 2; i++) {
            ENGINE.draft(whole, WIRE);
            knowing.draft(whole, WIRE);
        }
        long without = Long.MAX_VALUE;
        long with = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            without = Math.min(without, nanos(() -> ENGINE.draft(whole, WIRE)));
            with = Math.min(with, nanos(() -> knowing.draft(whole, WIRE)));
        }
        assertThat(knowing.draft(whole, WIRE).proposals().stream()
                .anyMatch(p -> p.body().at("/items/0/designation").asText().equals("Tiger"))).isTrue();
        assertThat(with).as("with 30,000 designations %d ms, without %d ms", with / 1_000_000, without / 1_000_000)
                .isLessThan(3 * without + Duration.ofSeconds(2).toNanos());
    }

    @Test
    void hostileShapesAtTheLimitFinishQuickly() {
        for (String unit : List.of("Aaa Bbb ", "Transmittal No. ", "Russia agreed to bbb ", "$1 ", "Russian President ",
                "\u201c", "Major Defense Equipment (MDE): ", "F-16 ", "thirty-six (36) ", "on Monday ", "x")) {
            String text = fill(unit);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ENGINE.draft(text, WIRE),
                    () -> "drafting " + text.length() + " characters of '" + unit + "'");
        }
    }
}
