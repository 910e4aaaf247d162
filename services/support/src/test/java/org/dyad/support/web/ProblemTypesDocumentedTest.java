package org.dyad.support.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem type Dyad answers with is listed in docs/problems.md with its status, and nothing else is: the
 * types come from {@link ProblemType} only (no source writes a problem type URI of its own or a type per status).
 */
class ProblemTypesDocumentedTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\| `" + Pattern.quote(ProblemType.BASE) + "([a-z-]+)` \\| (\\d{3}|4xx) \\| (.+) \\| (.+) \\|$");

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/problems.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository holding docs/problems.md").isNotNull();
        return dir;
    }

    private static Map<String, String> documented() throws IOException {
        Map<String, String> statusBySlug = new LinkedHashMap<>();
        for (String line : Files.readAllLines(repository().resolve("docs/problems.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                statusBySlug.put(row.group(1), row.group(2));
            }
        }
        return statusBySlug;
    }

    @Test
    void everyKindIsDocumentedWithItsStatusAndNothingElseIs() throws IOException {
        Map<String, String> documented = documented();
        Map<String, String> kinds = new LinkedHashMap<>();
        for (ProblemType kind : ProblemType.values()) {
            kinds.put(kind.slug(), kind == ProblemType.REQUEST_REFUSED ? "4xx"
                    : String.valueOf(kind.status().value()));
        }
        assertThat(documented).isEqualTo(kinds);
    }

    @Test
    void everyStatusAnswersADocumentedKindOfItsStatus() throws IOException {
        Map<String, String> documented = documented();
        for (int status = 400; status < 600; status++) {
            ProblemType kind = ProblemType.forStatus(status);
            assertThat(documented).containsKey(kind.slug());
            assertThat(ProblemDetailsAdvice.problemType(status)).isEqualTo(kind.uri());
            if (kind != ProblemType.REQUEST_REFUSED && kind != ProblemType.INTERNAL_ERROR) {
                assertThat(kind.status().value()).as("status " + status).isEqualTo(status);
            }
        }
    }

    /** Problem types are URIs of {@link ProblemType}: no other main source spells one out. */
    @Test
    void noSourceWritesAProblemTypeOfItsOwn() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(repository().resolve("services"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/")).toList()) {
                String text = Files.readString(source);
                if (!source.endsWith("ProblemType.java") && text.contains("\"/problems/")) {
                    offenders.add(source + ": spells out a problem type URI");
                }
                if (Pattern.compile("problemType\\(\\d").matcher(text).find()) {
                    offenders.add(source + ": chooses a problem type by a status number");
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
