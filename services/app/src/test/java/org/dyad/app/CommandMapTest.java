package org.dyad.app;

import org.axonframework.commandhandling.CommandHandler;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.wire.EventCatalog;
import org.dyad.ledger.LedgerConfiguration;
import org.dyad.views.ViewsConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the command map in docs/architecture.md true: every command appears once, with the events its handler
 * applies, the handler, the endpoint that sends it, the projection method of each event and tests that exercise it;
 * every name is looked up in the code, so a rename or a new command without a row fails here.
 */
class CommandMapTest {

    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    static final String HEADING = "## Command map";

    record Row(String command, List<String> events, String handler, String endpoint, List<String> projections,
               List<String> tests) {
    }

    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(REPOSITORY.resolve("docs/architecture.md"));
        int start = lines.indexOf(HEADING);
        assertThat(start).as("docs/architecture.md has a section '%s'", HEADING).isNotNegative();
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                    .map(c -> c.replace("`", "").trim()).toList();
            if (cells.get(0).equals("Command") || cells.get(0).startsWith("-")) {
                continue;
            }
            assertThat(cells).as(line).hasSize(6);
            rows.add(new Row(cells.get(0), list(cells.get(1)), cells.get(2), cells.get(3), list(cells.get(4)),
                    list(cells.get(5))));
        }
        return rows;
    }

    private static List<String> list(String cell) {
        return Arrays.stream(cell.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void everyCommandHasExactlyOneRow() throws IOException {
        List<String> listed = rows().stream().map(Row::command).toList();
        Set<String> commands = classesOf(DyadCommand.class).stream()
                .filter(c -> DyadCommand.class.isAssignableFrom(c) && c.isRecord())
                .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(listed)).isEqualTo(commands);
    }

    @Test
    void everyPublishedEventIsProducedByARow() throws IOException {
        Set<String> produced = rows().stream().flatMap(r -> r.events().stream()).collect(Collectors.toSet());
        assertThat(produced).containsAll(EventCatalog.EVENTS.stream().map(Class::getSimpleName).toList());
    }

    @Test
    void eachHandlerHandlesItsCommandAndAppliesItsEvents() throws IOException {
        for (Row row : rows()) {
            Class<?> command = commandClass(row.command());
            String handlerName = row.handler().substring(0, row.handler().indexOf(row.handler().contains("#")
                    ? '#' : '('));
            Class<?> handler = classNamed(LedgerConfiguration.class, handlerName);
            boolean handles = row.handler().contains("#")
                    ? Arrays.stream(handler.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(
                    CommandHandler.class) && m.getName().equals(between(row.handler(), '#', '('))
                    && m.getParameterCount() >= 1 && m.getParameterTypes()[0] == command)
                    : Arrays.stream(handler.getDeclaredConstructors()).anyMatch(c -> c.isAnnotationPresent(
                    CommandHandler.class) && c.getParameterCount() >= 1 && c.getParameterTypes()[0] == command);
            assertThat(handles).as("%s handles %s", row.handler(), row.command()).isTrue();
            String body = handlerBody(handler, command);
            for (String event : row.events()) {
                assertThat(EventCatalog.classOfName(event)).as("%s is a published event", event).isPresent();
                assertThat(body).as("%s applies %s", row.handler(), event).contains("new " + event + "(");
            }
        }
    }

    @Test
    void eachEndpointExistsAndSendsItsCommand() throws IOException {
        Map<String, Class<?>> endpoints = new java.util.HashMap<>();
        for (Class<?> controller : classesOf(LedgerConfiguration.class)) {
            if (!controller.isAnnotationPresent(RestController.class)) {
                continue;
            }
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String prefix = base == null || base.path().length == 0 ? "" : base.path()[0];
            for (Method m : controller.getDeclaredMethods()) {
                PostMapping post = m.getAnnotation(PostMapping.class);
                if (post != null) {
                    String[] paths = post.path().length > 0 ? post.path() : post.value();
                    endpoints.put("POST " + prefix + (paths.length == 0 ? "" : paths[0]), controller);
                }
            }
        }
        for (Row row : rows()) {
            assertThat(endpoints).as("an endpoint %s", row.endpoint()).containsKey(row.endpoint());
            Class<?> controller = endpoints.get(row.endpoint());
            String controllerSource = Files.readString(sourceOf(controller));
            boolean sends = controllerSource.contains("new " + row.command() + "(")
                    || Files.walk(sourceOf(controller).getParent()).anyMatch(p -> read(p).contains("new "
                    + row.command() + "("));
            assertThat(sends).as("%s sends %s", row.endpoint(), row.command()).isTrue();
        }
    }

    @Test
    void eachEventOfARowHasItsProjectionMethod() throws IOException {
        for (Row row : rows()) {
            Set<String> projected = new HashSet<>();
            for (String projection : row.projections()) {
                String event = between(projection, '(', ')');
                Class<?> eventClass = EventCatalog.classOfName(event).orElseThrow(() -> new AssertionError(
                        projection + " names no published event"));
                Class<?> projector = classNamed(ViewsConfiguration.class, projection.substring(0,
                        projection.indexOf('#')));
                String method = between(projection, '#', '(');
                assertThat(Arrays.stream(projector.getDeclaredMethods()).anyMatch(m -> m.getName().equals(method)
                        && m.getParameterCount() >= 1 && m.getParameterTypes()[0] == eventClass))
                        .as("%s exists", projection).isTrue();
                projected.add(event);
            }
            assertThat(projected).as("projections of %s", row.command()).containsAll(row.events());
        }
    }

    @Test
    void eachListedTestExistsAndExercisesTheCommand() throws IOException {
        Map<String, Path> tests;
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            tests = files.filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java"))
                    .collect(Collectors.toMap(p -> p.getFileName().toString().replace(".java", ""),
                            Function.identity(), (a, b) -> a));
        }
        for (Row row : rows()) {
            assertThat(row.tests()).as("tests of %s", row.command()).isNotEmpty();
            String segment = row.endpoint().substring(row.endpoint().lastIndexOf('/'));
            for (String test : row.tests()) {
                assertThat(tests).as("test class %s", test).containsKey(test);
                String source = read(tests.get(test));
                // by name, by an event it causes, or through its endpoint (a path such as "/suspension", or a
                // helper named after it such as importSipri)
                boolean exercises = source.contains(row.command()) || row.events().stream().anyMatch(source::contains)
                        || source.contains("\"" + segment) || source.contains(segment + "\"")
                        || source.toLowerCase(java.util.Locale.ROOT).contains(segment.substring(1) + "(");
                assertThat(exercises).as("%s exercises %s", test, row.command()).isTrue();
            }
        }
    }

    private static Class<?> commandClass(String simpleName) {
        return classesOf(DyadCommand.class).stream().filter(c -> c.getSimpleName().equals(simpleName)).findFirst()
                .orElseThrow(() -> new AssertionError("no command " + simpleName));
    }

    private static Class<?> classNamed(Class<?> anchor, String simpleName) {
        return classesOf(anchor).stream().filter(c -> c.getSimpleName().equals(simpleName)).findFirst()
                .orElseThrow(() -> new AssertionError("no class " + simpleName + " beside " + anchor.getName()));
    }

    private static String between(String text, char open, char close) {
        return text.substring(text.indexOf(open) + 1, text.indexOf(close, text.indexOf(open) + 1));
    }

    /** The source of the handler of {@code command} in {@code handler}: from its signature to the next handler. */
    private static String handlerBody(Class<?> handler, Class<?> command) throws IOException {
        String source = Files.readString(sourceOf(handler));
        int at = source.indexOf("(" + command.getSimpleName() + " ");
        assertThat(at).as("%s declares a handler of %s", handler.getSimpleName(), command.getSimpleName())
                .isNotNegative();
        int next = source.indexOf("@CommandHandler", at);
        return source.substring(at, next < 0 ? source.length() : next);
    }

    private static Path sourceOf(Class<?> type) throws IOException {
        String relative = "src/main/java/" + type.getName().replace('.', '/') + ".java";
        try (Stream<Path> modules = Stream.of("contracts", "services/ledger", "services/views").map(REPOSITORY::resolve)) {
            return modules.map(m -> m.resolve(relative)).filter(Files::exists).findFirst()
                    .orElseThrow(() -> new AssertionError("no source of " + type.getName()));
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every top-level class compiled into the same module (directory or jar) as {@code anchor}. */
    static List<Class<?>> classesOf(Class<?> anchor) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return classesUnder(location, location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return classesUnder(jar.getPath("/"), jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> classesUnder(Path root, Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> root.relativize(p).toString())
                    .filter(p -> p.endsWith(".class") && !p.contains("$") && !p.endsWith("package-info.class")
                            && !p.endsWith("module-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .map(CommandMapTest::load).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CommandMapTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
