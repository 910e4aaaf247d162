package org.dyad.sipri;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the published texts Dyad is tried on are kept: beside the checkout, in {@code shared/reference}, and never
 * copied into the repository (SIPRI's trade-register sample, the founding article, the intake's notifications). The
 * tests read them there, and the demo loads the SIPRI sample from there.
 */
public final class ReferenceDirectory {

    /** Names the directory when it is not found by walking up from the working directory. */
    public static final String VARIABLE = "DYAD_REFERENCE_DIR";
    /** 484 rows of SIPRI's trade register as SIPRI exported them (generated 13 Mar 2025). */
    public static final String SIPRI_SAMPLE = "sipri-trade-register-sample.csv";

    private ReferenceDirectory() {
    }

    /** {@value #VARIABLE} if set, else the first {@code shared/reference} found walking up from the working directory. */
    public static Optional<Path> find() {
        String configured = System.getenv(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        return candidates().stream().filter(Files::isDirectory).findFirst();
    }

    /** A file of the directory; fails saying where it looked and how to name the directory when there is none. */
    public static Path require(String name) {
        Path file = find().map(dir -> dir.resolve(name)).filter(Files::isRegularFile).orElse(null);
        if (file == null) {
            throw new IllegalStateException("the published reference text " + name + " was not found in "
                    + (System.getenv(VARIABLE) != null ? VARIABLE + "=" + System.getenv(VARIABLE)
                    : "any of " + candidates()) + "; set " + VARIABLE + " to the directory that holds it");
        }
        return file;
    }

    private static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("shared").resolve("reference"));
        }
        return candidates;
    }
}
