package org.dyad.app.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses the provider of PostgreSQL and Kafka for the integration tests: Testcontainers when Docker is available,
 * else the embedded database and broker. {@code -Ddyad.test.infrastructure=embedded|containers} forces one
 * (default {@code auto}). One test suite, two providers.
 */
public final class TestInfrastructures {

    public static final String PROPERTY = "dyad.test.infrastructure";
    private static final Logger log = LoggerFactory.getLogger(TestInfrastructures.class);
    private static Kind automatic;

    public enum Kind { EMBEDDED, CONTAINERS }

    private TestInfrastructures() {
    }

    /** The provider asked for by {@code requested} (a value of {@value #PROPERTY}; null or "auto" to detect). */
    public static Kind choose(String requested) {
        String value = requested == null ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "embedded" -> logged(Kind.EMBEDDED, "forced by " + PROPERTY);
            case "containers" -> logged(Kind.CONTAINERS, "forced by " + PROPERTY);
            case "auto", "" -> detect();
            default -> throw new IllegalArgumentException(PROPERTY + " must be auto, embedded or containers, not '"
                    + requested + "'");
        };
    }

    /** The provider chosen by the system property {@value #PROPERTY}. */
    public static Kind choose() {
        return choose(System.getProperty(PROPERTY));
    }

    /** Starts a PostgreSQL and a Kafka broker from the chosen provider; embedded ones keep their data in dataDir. */
    public static TestInfrastructure start(Path dataDir) {
        return start(choose(), dataDir);
    }

    public static TestInfrastructure start(Kind kind, Path dataDir) {
        return kind == Kind.CONTAINERS ? ContainerInfrastructure.start() : EmbeddedTestInfrastructure.start(dataDir);
    }

    private static synchronized Kind detect() {
        if (automatic == null) {
            boolean docker = dockerAvailable();
            automatic = logged(docker ? Kind.CONTAINERS : Kind.EMBEDDED, docker ? "Docker found" : "no Docker");
        }
        return automatic;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Kind logged(Kind kind, String reason) {
        log.info("infrastructure: {} ({})", kind.name().toLowerCase(Locale.ROOT), reason);
        return kind;
    }
}
