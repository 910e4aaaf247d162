package org.dyad.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Dyad as a process of its own ({@code java -jar} of the runnable jar) against the benchmark's PostgreSQL and Kafka,
 * so that its heap is its own, and the HTTP client that talks to it.
 */
final class DyadServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    private final Process process;
    private final URI base;
    private final HttpClient http;
    final String jvmArgs;

    private DyadServer(Process process, int port, String jvmArgs) {
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.jvmArgs = jvmArgs;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static DyadServer start(Path jar, String jdbcUrl, String bootstrapServers, String jvmArgs, Path log)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : jvmArgs.trim().split("\\s+")) {
            if (!arg.isBlank()) {
                command.add(arg);
            }
        }
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("DYAD_EMBEDDED", "false");
        // the benchmark's clients sign in with the documented default passwords
        env.put("DYAD_ALLOW_DEFAULT_PASSWORDS", "true");
        env.put("DYAD_DB_URL", jdbcUrl);
        env.put("DYAD_DB_USER", "postgres");
        env.put("DYAD_DB_PASSWORD", "postgres");
        env.put("DYAD_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("DYAD_PORT", String.valueOf(port));
        env.put("DYAD_DEMO", "false");
        // measures what Dyad can do, not the per-principal allowance an operator grants (the clients share a user)
        env.put("DYAD_RATE_LIMIT_ENABLED", "false");
        Process process = builder.start();
        // Dyad must not outlive the benchmark, however the benchmark ends
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        DyadServer server = new DyadServer(process, port, jvmArgs);
        server.awaitHealthy(Duration.ofMinutes(3));
        return server;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Dyad exited with " + process.exitValue() + "; see its log");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Dyad did not become healthy within " + timeout);
    }

    long pid() {
        return process.pid();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static final String ANALYST = basic("analyst", "analyst-local");
    static final String ADMIN = basic("admin", "admin-local");
    static final String VIEWER = basic("viewer", "viewer-local");

    HttpResponse<String> post(String path, String auth, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Content-Type", JSON_TYPE).header("Accept", JSON_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postMultipart(String path, String auth, String fileName, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "dyad-bench-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String auth) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Accept", JSON_TYPE).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An answer as a browser gets it: its status, the bytes sent, and the body once decompressed. */
    record Read(int status, int bytesSent, byte[] body) {
    }

    /** A GET as a browser makes it: gzip accepted, the body decompressed when it came compressed. */
    Read read(String path, String auth) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", auth)
                .header("Accept", JSON_TYPE + ", */*;q=0.5").header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        if ("gzip".equalsIgnoreCase(response.headers().firstValue("Content-Encoding").orElse(""))) {
            try (GZIPInputStream unzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return new Read(response.statusCode(), body.length, unzip.readAllBytes());
            }
        }
        return new Read(response.statusCode(), body.length, body);
    }

    /** A GET that must succeed, as JSON. */
    JsonNode getJson(String path, String auth) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, auth);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Dyad's heap in use right after a full collection it was asked to make (jcmd GC.run), in bytes. */
    double heapAfterGc() throws Exception {
        for (int i = 0; i < 2; i++) {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd GC.run failed");
            }
        }
        return getJson("/actuator/metrics/jvm.memory.used?tag=area:heap", ADMIN).path("measurements").get(0)
                .path("value").asDouble();
    }

    /** The largest heap the JVM may use (its -Xmx or default). */
    double heapMax() throws Exception {
        return getJson("/actuator/metrics/jvm.memory.max?tag=area:heap", ADMIN).path("measurements").get(0)
                .path("value").asDouble();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
