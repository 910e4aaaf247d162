package org.dyad.app;

import org.dyad.app.infrastructure.TestInfrastructure;
import org.dyad.app.infrastructure.TestInfrastructures;
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
import org.springframework.util.FileSystemUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of a Dyad process (a separate OS process, not a thread) in the middle of a load: after a restart on
 * the same database and broker, every command that got a 2xx is in the store, on the topic and in the views, none
 * twice in a view; the commands whose answer was lost, sent again with their Idempotency-Key, apply exactly once.
 */
@Tag("reliability")
class ProcessKilledIT {

    private static final Logger log = LoggerFactory.getLogger(ProcessKilledIT.class);
    private static final Path WORK = Path.of("target", "process-it", "process-killed");
    private static final Path DATA = WORK.resolve("data");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String PREFIX = "killed";
    private static final int CLIENTS = 8;
    private static final int KILL_AFTER = 400;

    private static TestInfrastructure infrastructure;
    private static DyadProcess dyad;

    @BeforeAll
    static void startDyad() throws Exception {
        ProcessTestLogging.quiet();
        FileSystemUtils.deleteRecursively(WORK.toFile());
        infrastructure = TestInfrastructures.start(DATA);
        EventTopic.create(infrastructure.bootstrapServers(), 6);
        dyad = new DyadProcess("dyad", DyadProcess.Role.FULL, infrastructure, WORK);
        DyadProcess.startAll(List.of(dyad), START_TIMEOUT);
    }

    @AfterAll
    static void stopAll() {
        if (dyad != null) {
            dyad.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        // The processes' output stays under WORK for the test report; the database and broker data go.
        FileSystemUtils.deleteRecursively(DATA.toFile());
    }

    @Test
    void everyAcknowledgedCommandSurvivesAKillMinus9MidLoad() throws Exception {
        DyadClient client = new DyadClient(dyad);
        CommandLoad load = new CommandLoad(PREFIX, CLIENTS, 10_000, n -> client).start();
        await("commands acknowledged before the kill").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20)).until(() -> load.acknowledgedSoFar() >= KILL_AFTER);

        long killedPid = dyad.pid();
        long killedAt = System.nanoTime();
        int exitCode = dyad.kill();
        load.stop();
        load.awaitEnd(Duration.ofMinutes(1));
        assertThat(exitCode).as("exit code of a process ended by SIGKILL").isEqualTo(128 + 9);

        List<CommandLoad.Outcome> answered = load.outcomes();
        List<CommandLoad.Outcome> acknowledged = new ArrayList<>(answered.stream()
                .filter(CommandLoad.Outcome::acknowledged).toList());
        List<CommandLoad.Outcome> lost = answered.stream().filter(o -> !o.acknowledged()).toList();
        assertThat(lost).as("commands refused for another reason than the kill")
                .allSatisfy(o -> assertThat(o.status()).isIn(0, 502, 503));

        dyad.start().awaitReady(START_TIMEOUT);
        double readyAfter = seconds(System.nanoTime() - killedAt);
        assertThat(dyad.pid()).isNotEqualTo(killedPid);

        // The commands whose answer was lost, sent again with the same key: each applies exactly once.
        int replayed = 0;
        for (CommandLoad.Outcome failed : lost) {
            CommandLoad.Outcome retried = CommandLoad.send(client, failed.command());
            assertThat(retried.status()).as("retry of %s", failed.command()).isIn(200, 201);
            replayed += retried.replayed() ? 1 : 0;
            acknowledged.add(retried);
        }

        long verifyStarted = System.nanoTime();
        EventAccounting.Tally tally = new EventAccounting(infrastructure, EventTopic.NAME)
                .verify(PREFIX, acknowledged, Duration.ofMinutes(2));
        double caughtUpAfter = readyAfter + seconds(System.nanoTime() - verifyStarted);

        log.info("""
                        kill -9 mid-load: {} clients; {} commands acknowledged before the kill, {} connections lost \
                        ({} of those had been committed: the retry answered the stored answer); restarted and ready \
                        {} s after the kill, every event in the views {} s after the kill; {} events stored, \
                        {} records on the topic, {} duplicates there (at-least-once), none applied twice""",
                CLIENTS, answered.size() - lost.size(), lost.size(), replayed, fmt(readyAfter), fmt(caughtUpAfter),
                tally.storedEvents(), tally.topicRecords(), tally.duplicatesOnTopic());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String fmt(double seconds) {
        return String.format("%.1f", seconds);
    }
}
