package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.app.infrastructure.TestInfrastructure;
import org.dyad.app.process.DyadClient;
import org.dyad.app.process.DyadProcess;
import org.dyad.app.process.EventTopic;
import org.dyad.app.process.ProcessTestLogging;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dyad in its default setup (embedded PostgreSQL and Kafka, one data directory) stopped as a container or machine
 * stop does: {@code kill -9} of the whole process tree at once, the JVM with its in-process broker and every
 * PostgreSQL process, in the middle of a bounded load. Restarted on the same data directory, every command answered
 * 2xx is in the store exactly once, on the topic at least once and in the views exactly once, and the views equal a
 * rebuild from the topic.
 */
@Tag("reliability")
class ProcessTreeKilledIT {

    private static final Logger log = LoggerFactory.getLogger(ProcessTreeKilledIT.class);
    private static final Path WORK = Path.of("target", "process-it", "process-tree-killed");
    private static final Path DATA = WORK.resolve("data");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String PREFIX = "tree";
    private static final int CLIENTS = 6;
    private static final int COMMANDS_PER_CLIENT = 60;
    private static final int KILL_AFTER = 150;

    private static DyadProcess.EmbeddedPorts ports;
    private static DyadProcess dyad;

    @BeforeAll
    static void startDyad() {
        ProcessTestLogging.quiet();
        FileSystemUtils.deleteRecursively(WORK.toFile());
        ports = DyadProcess.EmbeddedPorts.free();
        dyad = DyadProcess.embedded("dyad", DATA, ports, WORK);
        dyad.start().awaitReady(START_TIMEOUT);
    }

    @AfterAll
    static void stopAll() {
        if (dyad != null) {
            dyad.close();
        }
        FileSystemUtils.deleteRecursively(DATA.toFile());
    }

    @Test
    void everyAcknowledgedCommandSurvivesAKillOfTheWholeProcessTree() throws Exception {
        TestInfrastructure embedded = new OwnInfrastructure(ports);
        assertDurableSettings(embedded);
        DyadClient client = new DyadClient(dyad);
        CommandLoad load = new CommandLoad(PREFIX, CLIENTS, COMMANDS_PER_CLIENT, n -> client).start();
        await("commands acknowledged before the kill").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(10)).until(() -> load.acknowledgedSoFar() >= KILL_AFTER);

        List<ProcessHandle> killed = killProcessTree();
        long killedAt = System.nanoTime();
        load.stop();
        load.awaitEnd(Duration.ofMinutes(1));

        List<CommandLoad.Outcome> answered = load.outcomes();
        List<CommandLoad.Outcome> acknowledged = new ArrayList<>(answered.stream()
                .filter(CommandLoad.Outcome::acknowledged).toList());
        List<CommandLoad.Outcome> lost = answered.stream().filter(o -> !o.acknowledged()).toList();
        assertThat(lost).as("commands refused for another reason than the kill")
                .allSatisfy(o -> assertThat(o.status()).isIn(0, 502, 503));
        int acknowledgedBeforeKill = acknowledged.size();

        dyad.start().awaitReady(START_TIMEOUT);
        double readyAfter = (System.nanoTime() - killedAt) / 1e9;
        assertDurableSettings(embedded);

        // The commands whose answer was lost, sent again with the same key: each applies exactly once.
        for (CommandLoad.Outcome failed : lost) {
            CommandLoad.Outcome retried = CommandLoad.send(client, failed.command());
            assertThat(retried.status()).as("retry of %s", failed.command()).isIn(200, 201);
            acknowledged.add(retried);
        }

        EventAccounting accounting = new EventAccounting(embedded, EventTopic.NAME);
        EventAccounting.Tally tally = accounting.verify(PREFIX, acknowledged, Duration.ofMinutes(2));
        // The views have read every partition to its end (the publisher's re-sent records included).
        Map<Integer, Long> ends = new TreeMap<>();
        TopicRecords.readAll(embedded.bootstrapServers(), EventTopic.NAME)
                .forEach(r -> ends.merge(r.partition(), r.offset() + 1, Math::max));
        await("views' positions at the topic's end").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(accounting.viewStorage().appliedPositions()).isEqualTo(ends));
        List<Map<String, Object>> live = accounting.viewStorage().snapshot();
        Map<Integer, Long> livePositions = accounting.viewStorage().appliedPositions();

        JsonNode rebuild = rebuild(client);
        assertThat(rebuild.path("phase").asText()).as(rebuild.toString()).isEqualTo("DONE");
        assertThat(accounting.viewStorage().snapshot()).as("the views after a rebuild from the topic")
                .containsExactlyElementsOf(live);
        assertThat(accounting.viewStorage().appliedPositions()).as("the positions the rebuilt views reached")
                .isEqualTo(livePositions);

        log.info("""
                        kill -9 of the process tree ({} processes: Dyad's JVM with its broker, PostgreSQL's \
                        postmaster and backends) after {} of {} commands from {} clients were acknowledged; {} \
                        connections lost and retried; restarted on the same data and ready {} s after the kill; \
                        {} events stored, {} records on the topic ({} duplicates), each applied once; the views \
                        equal a rebuild""",
                killed.size(), acknowledgedBeforeKill, CLIENTS * COMMANDS_PER_CLIENT, CLIENTS, lost.size(),
                String.format("%.1f", readyAfter), tally.storedEvents(), tally.topicRecords(), tally.duplicatesOnTopic());
    }

    /** PostgreSQL's durable defaults, asked of the running server itself. */
    private static void assertDurableSettings(TestInfrastructure embedded) {
        var jdbc = new JdbcTemplate(new DriverManagerDataSource(embedded.jdbcUrl(), embedded.username(),
                embedded.password()));
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            assertThat(jdbc.queryForObject("SHOW " + setting, String.class)).as(setting).isEqualTo("on");
        }
    }

    /**
     * Sends SIGKILL to Dyad's JVM (which runs the broker) and to every PostgreSQL process in one {@code kill}
     * command. {@code pg_ctl} detaches the postmaster from the JVM, so it is found by the pid file in its data
     * directory, and its backends as its descendants.
     */
    private static List<ProcessHandle> killProcessTree() throws Exception {
        ProcessHandle java = ProcessHandle.of(dyad.pid()).orElseThrow();
        String pidFile = Files.readAllLines(DATA.resolve("postgres").resolve("postmaster.pid")).get(0).trim();
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(pidFile)).orElseThrow();
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        Stream.of(java, postmaster).forEach(root -> {
            tree.add(root);
            root.descendants().forEach(tree::add);
        });
        assertThat(postmaster.descendants().count()).as("PostgreSQL's backends and workers").isPositive();
        List<String> command = new ArrayList<>(List.of("kill", "-9"));
        tree.forEach(p -> command.add(Long.toString(p.pid())));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertThat(kill.waitFor()).as("exit code of " + command).isZero();
        for (ProcessHandle process : tree) {
            process.onExit().get();
        }
        assertThat(dyad.awaitExit()).as("exit code of Dyad's JVM ended by SIGKILL").isEqualTo(128 + 9);
        log.info("Killed {} processes at once: {}", tree.size(), command);
        return List.copyOf(tree);
    }

    private static JsonNode rebuild(DyadClient client) throws IOException {
        DyadClient.Answer started = client.post("/api/v1/admin/rebuilds", "", Map.of());
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(202);
        String job = "/api/v1/admin/rebuilds/" + started.body().path("id").asText();
        return await("rebuild done").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.get(job).body(), p -> p.path("phase").asText().matches("DONE|FAILED"));
    }

    /** The PostgreSQL and Kafka that Dyad started for itself, seen from this test. */
    private record OwnInfrastructure(DyadProcess.EmbeddedPorts ports) implements TestInfrastructure {

        @Override
        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + ports.postgres() + "/postgres";
        }

        @Override
        public String username() {
            return "postgres";
        }

        @Override
        public String password() {
            return "postgres";
        }

        @Override
        public String bootstrapServers() {
            return "127.0.0.1:" + ports.kafka();
        }

        @Override
        public String description() {
            return "the embedded PostgreSQL and Kafka of the Dyad process under test";
        }

        @Override
        public void close() {
            // they belong to the Dyad process
        }
    }
}
