package org.dyad.app.process;

import org.dyad.app.infrastructure.TestInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Dyad as a separate operating-system process: {@code java -jar dyad-app-*.jar} against a given PostgreSQL and Kafka
 * or with its own embedded ones ({@link #embedded}), on its own free port, with its output appended to a file under {@code target/}. It can be stopped gracefully
 * (SIGTERM), killed ({@code kill -9}) and started again on the same port.
 */
public final class DyadProcess implements AutoCloseable {

    /** Which halves of Dyad the process runs. */
    public enum Role {
        FULL(true, true), WRITER(true, false), READER(false, true);

        final boolean ledger;
        final boolean views;

        Role(boolean ledger, boolean views) {
            this.ledger = ledger;
            this.views = views;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DyadProcess.class);
    private static final List<DyadProcess> RUNNING = new ArrayList<>();
    private static final String DEFAULT_HEAP = "-Xmx384m";
    /** The embedded broker shares the heap. */
    private static final String EMBEDDED_HEAP = "-Xmx640m";

    static {
        // Never leave a Dyad behind when the test JVM ends without closing it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (RUNNING) {
                RUNNING.forEach(p -> p.process.destroyForcibly());
            }
        }, "dyad-process-reaper"));
    }

    private final String name;
    private final Role role;
    private final int port;
    private final String heap;
    private final Map<String, String> environment;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;
    private int starts;
    /** The development servers beside the production jar (embedded mode), or none. */
    private List<Path> embeddedServers = List.of();

    public DyadProcess(String name, Role role, TestInfrastructure infrastructure, Path logDir) {
        this(name, role, logDir, DEFAULT_HEAP);
        environment.put("DYAD_EMBEDDED", "false");
        // the tests' clients sign in with the documented default passwords
        environment.put("DYAD_ALLOW_DEFAULT_PASSWORDS", "true");
        environment.put("DYAD_DB_URL", infrastructure.jdbcUrl());
        environment.put("DYAD_DB_USER", infrastructure.username());
        environment.put("DYAD_DB_PASSWORD", infrastructure.password());
        environment.put("DYAD_DB_POOL_SIZE", "10");
        environment.put("DYAD_KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
    }

    /**
     * Dyad in its default setup: its own embedded PostgreSQL and Kafka broker, with their data in {@code dataDir},
     * on the given ports (so that a restart finds them where they were).
     */
    public static DyadProcess embedded(String name, Path dataDir, EmbeddedPorts ports, Path logDir) {
        DyadProcess dyad = new DyadProcess(name, Role.FULL, logDir, EMBEDDED_HEAP);
        dyad.environment.put("DYAD_EMBEDDED", "true");
        dyad.environment.put("DYAD_DATA_DIR", dataDir.toAbsolutePath().toString());
        dyad.environment.put("DYAD_EMBEDDED_POSTGRES_PORT", Integer.toString(ports.postgres()));
        dyad.environment.put("DYAD_EMBEDDED_KAFKA_PORT", Integer.toString(ports.kafka()));
        dyad.environment.put("DYAD_EMBEDDED_KAFKA_CONTROLLER_PORT", Integer.toString(ports.controller()));
        dyad.embeddedServers = embeddedServersClassPath();
        return dyad;
    }

    /** The ports of an embedded PostgreSQL, Kafka broker and KRaft controller. */
    public record EmbeddedPorts(int postgres, int kafka, int controller) {

        public static EmbeddedPorts free() {
            return new EmbeddedPorts(freePort(), freePort(), freePort());
        }
    }

    private DyadProcess(String name, Role role, Path logDir, String heap) {
        this.name = name;
        this.role = role;
        this.port = freePort();
        this.heap = heap;
        this.logFile = logDir.resolve(name + ".log");
        this.environment = new LinkedHashMap<>();
        environment.put("DYAD_PORT", Integer.toString(port));
        environment.put("DYAD_DEMO", "false");
        environment.put("DYAD_LEDGER_ENABLED", Boolean.toString(role.ledger));
        environment.put("DYAD_VIEWS_ENABLED", Boolean.toString(role.views));
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repackaged application jar that {@code package} built before the integration tests run. */
    static Path applicationJar() {
        String configured = System.getProperty("dyad.app.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "dyad-app-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no application jar at " + jar.toAbsolutePath()
                    + "; build it with ./mvnw package (verify does) before these tests");
        }
        return jar;
    }

    /**
     * The dyad-embedded module's jar and the libraries it needs that the production jar does not carry (the
     * PostgreSQL binaries, the Kafka broker, Scala), from the class path its build wrote down.
     */
    static List<Path> embeddedServersClassPath() {
        Path moduleJar = Path.of(System.getProperty("dyad.embedded.jar",
                "../embedded/target/dyad-embedded-0.1.0-SNAPSHOT.jar"));
        Path classPathFile = Path.of(System.getProperty("dyad.embedded.classpath-file",
                "../embedded/target/runtime-classpath.txt"));
        if (!Files.isRegularFile(moduleJar) || !Files.isRegularFile(classPathFile)) {
            throw new IllegalStateException("no embedded servers at " + moduleJar.toAbsolutePath() + " and "
                    + classPathFile.toAbsolutePath() + "; build them with ./mvnw package (verify does)");
        }
        Set<String> inApplicationJar = new HashSet<>();
        try (ZipFile jar = new ZipFile(applicationJar().toFile())) {
            jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .forEach(name -> inApplicationJar.add(name.substring("BOOT-INF/lib/".length())));
            String listed = Files.readString(classPathFile).trim();
            List<Path> classPath = new ArrayList<>();
            classPath.add(moduleJar.toAbsolutePath());
            for (String entry : listed.split(File.pathSeparator)) {
                Path library = Path.of(entry);
                if (!entry.isBlank() && !inApplicationJar.contains(library.getFileName().toString())) {
                    classPath.add(library);
                }
            }
            return List.copyOf(classPath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the process; {@link #awaitReady} waits until it serves. */
    public synchronized DyadProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Daxoniq.update-checker.disabled=true"));
        if (embeddedServers.isEmpty()) {
            command.addAll(List.of("-jar", applicationJar().toAbsolutePath().toString()));
        } else {
            // the production jar, with the development servers added through Spring Boot's PropertiesLauncher
            command.add("-Dloader.path=" + String.join(",", embeddedServers.stream().map(Path::toString).toList()));
            command.addAll(List.of("-cp", applicationJar().toAbsolutePath().toString(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            starts++;
            Files.writeString(logFile, "%n===== %s start %d at %s (%s, port %d) =====%n".formatted(name, starts,
                            Instant.now(), role, port), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        synchronized (RUNNING) {
            RUNNING.add(this);
        }
        log.info("{} started as pid {} on port {} ({}), output in {}", name, process.pid(), port, role, logFile);
        return this;
    }

    /** Waits until the readiness probe answers UP; fails at once, with the output's tail, if the process ended. */
    public DyadProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            Process current = process;
            if (!current.isAlive()) {
                throw new IllegalStateException(name + " ended with exit code " + current.exitValue()
                        + " before it was ready:\n" + outputTail(60));
            }
            try {
                HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + outputTail(60));
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /** Starts all given processes at once (JVM start-ups are the slow part) and waits until all serve. */
    public static void startAll(List<DyadProcess> processes, Duration timeout) {
        processes.forEach(DyadProcess::start);
        CompletableFuture.allOf(processes.stream()
                .map(p -> CompletableFuture.runAsync(() -> p.awaitReady(timeout)))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Stops the process as an orchestrator would (SIGTERM: graceful shutdown); answers its exit code. */
    public int stop() {
        Process current = process;
        current.destroy();
        try {
            if (!current.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("{} did not stop within 60 s; killing it", name);
                current.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forget();
        return current.exitValue();
    }

    /**
     * Kills the process without warning. On Linux {@link Process#destroyForcibly()} sends SIGKILL, which nothing can
     * catch: no shutdown hook, no graceful shutdown. Answers the exit code (137 = 128 + SIGKILL).
     */
    public int kill() {
        Process current = process;
        current.destroyForcibly();
        try {
            current.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forget();
        return current.exitValue();
    }

    /** Waits until the process has ended (e.g. killed from outside); answers its exit code. */
    public int awaitExit() throws InterruptedException {
        Process current = process;
        int exitCode = current.waitFor();
        forget();
        return exitCode;
    }

    private void forget() {
        synchronized (RUNNING) {
            RUNNING.remove(this);
        }
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** The operating-system process id of the current run. */
    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the process's output (all its runs). */
    public String outputTail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (isAlive()) {
            stop();
        }
    }

    /** A port free on the loopback interface now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
