package org.dyad.contracts.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the generated contract files: the event schemas ({@link EventSchemaGenerator}) and the AsyncAPI document
 * ({@link AsyncApiGenerator}) under the resources directory, and the event type table of docs/events.md
 * ({@link EventTypesTable}). It is build tooling, on the test classpath only: the jar ships the files it wrote. Run
 * from the repository root with {@value #REGENERATE}; the arguments, if any, are the resources directory and the
 * events guide to write into. Nothing is deleted: the schema of an earlier version of an event stays, as records of
 * that version stay on the topic.
 */
public final class EventSchemaWriter {

    public static final String REGENERATE = "./mvnw -q -pl contracts test-compile exec:java";

    private EventSchemaWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "contracts/src/main/resources");
        Path guide = Path.of(args.length > 1 ? args[1] : "docs/events.md");
        Map<String, String> files = generateAll();
        int written = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            written += writeIfChanged(resources.resolve(file.getKey()), file.getValue());
        }
        written += writeIfChanged(guide, EventTypesTable.into(Files.readString(guide)));
        System.out.println("Generated " + (files.size() + 1) + " files (" + written + " changed) under "
                + resources.toAbsolutePath().normalize() + " and " + guide.toAbsolutePath().normalize());
    }

    /** Every generated file, by its path under the resources directory. */
    static Map<String, String> generateAll() {
        Map<String, String> files = new TreeMap<>(EventSchemaGenerator.generateAll());
        files.put(AsyncApiGenerator.ASYNCAPI, YamlWriter.toYaml(AsyncApiGenerator.asyncApi()));
        return files;
    }

    private static int writeIfChanged(Path path, String text) throws IOException {
        if (Files.exists(path) && Files.readString(path).equals(text)) {
            return 0;
        }
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, text);
        return 1;
    }
}
