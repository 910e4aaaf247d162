package org.dyad.contracts.wire;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog lists every event record the contracts declare, and each under its own type. */
class EventCatalogTest {

    @Test
    void everyRecordAnnotatedAsAnEventTypeInTheContractsIsInTheCatalog() throws Exception {
        List<Class<?>> annotated = annotatedEventClasses();
        assertThat(annotated).as("@EventType records compiled into the contracts").hasSizeGreaterThan(20);
        assertThat(EventCatalog.EVENTS).as("EventCatalog.EVENTS; add the missing event records to it")
                .containsExactlyInAnyOrderElementsOf(annotated);
    }

    @Test
    void everyTypeNamesOneEventClass() {
        assertThat(EventCatalog.types()).doesNotHaveDuplicates().hasSize(EventCatalog.EVENTS.size());
        EventCatalog.EVENTS.forEach(event -> assertThat(EventCatalog.classOf(EventCatalog.typeOf(event)))
                .contains(event));
        assertThat(EventCatalog.schemaOf(org.dyad.contracts.deal.event.SaleReported.class).toString())
                .isEqualTo("urn:dyad:schema:org.dyad.deal.SaleReported.v2");
    }

    @Test
    void theGeneratorsAreBuildToolingOutsideTheCompiledContracts() throws Exception {
        Path contracts = Path.of(EventType.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Class<?> tooling : List.of(EventSchemaWriter.class, EventSchemaGenerator.class, AsyncApiGenerator.class,
                EventTypesTable.class, YamlWriter.class)) {
            assertThat(Path.of(tooling.getProtectionDomain().getCodeSource().getLocation().toURI()))
                    .as("%s is not shipped in the contracts", tooling.getSimpleName()).isNotEqualTo(contracts);
        }
    }

    /** The classes annotated {@link EventType} among the compiled main classes (a directory, or the jar). */
    static List<Class<?>> annotatedEventClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(EventType.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return annotatedIn(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
            return annotatedIn(jar.getPath("/"));
        }
    }

    private static List<Class<?>> annotatedIn(Path root) throws IOException, ClassNotFoundException {
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.startsWith("org/dyad/contracts/") && f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
        List<Class<?>> annotated = new ArrayList<>();
        for (String name : names) {
            Class<?> c = Class.forName(name, false, EventCatalogTest.class.getClassLoader());
            if (c.isAnnotationPresent(EventType.class)) {
                annotated.add(c);
            }
        }
        return annotated;
    }
}
