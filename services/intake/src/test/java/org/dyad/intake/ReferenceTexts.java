package org.dyad.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Texts for the tests: published texts read from the shared reference directory (never copied into the
 * repository) and texts written for the tests, in src/test/resources. Both start with a header of {@code key: value}
 * lines ({@code source}, {@code published}, {@code kind}, and for written texts {@code publisher}, {@code title})
 * and a {@code ---} line.
 */
final class ReferenceTexts {

    /** A text with its source. */
    record Published(String name, String text, TextSource source, String kind) {
    }

    static final String VARIABLE = "DYAD_REFERENCE_DIR";

    private ReferenceTexts() {
    }

    /**
     * The shared reference directory: {@code DYAD_REFERENCE_DIR} if set, else the first {@code shared/reference}
     * found walking up from the working directory. Fails the test, saying where it looked, when there is none.
     */
    static Path directory() {
        return directory(System.getenv(VARIABLE), Path.of("").toAbsolutePath());
    }

    static Path directory(String configured, Path start) {
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (!Files.isDirectory(dir)) {
                fail(VARIABLE + " is set to " + dir.toAbsolutePath() + ", which is not a directory");
            }
            return dir;
        }
        List<Path> looked = new ArrayList<>();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("reference");
            looked.add(candidate);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("the shared reference texts were not found; looked for " + looked + ". Set " + VARIABLE
                + " to the directory that holds seed-article-2001-russia-iran.txt and intake/");
    }

    /** A published text from the reference directory, e.g. {@code intake/dsca-korea-f35-follow-on-support-2020.txt}. */
    static Published reference(String relative, TextSource whenHeaderless) {
        Path file = directory().resolve(relative);
        if (!Files.isRegularFile(file)) {
            fail("reference text " + relative + " is missing from " + directory().toAbsolutePath());
        }
        try {
            return parse(relative, Files.readString(file, StandardCharsets.UTF_8), whenHeaderless);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text written for the tests, from {@code src/test/resources/org/dyad/intake/texts}. */
    static Published written(String name) {
        try (InputStream in = ReferenceTexts.class.getResourceAsStream("texts/" + name)) {
            if (in == null) {
                return fail("test text " + name + " is missing");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Published parse(String name, String content, TextSource whenHeaderless) {
        int separator = content.indexOf("\n---\n");
        if (separator < 0) {
            if (whenHeaderless == null) {
                fail(name + " has no header ending in a '---' line");
            }
            return new Published(name, content, whenHeaderless, null);
        }
        Map<String, String> header = new HashMap<>();
        for (String line : content.substring(0, separator).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                header.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        String url = header.get("source");
        TextSource source = new TextSource(header.get("publisher"), header.get("title"),
                url != null && url.startsWith("http") ? url : null,
                header.containsKey("published") ? LocalDate.parse(header.get("published")) : null, "en");
        return new Published(name, content.substring(separator + 5), source, header.get("kind"));
    }
}
