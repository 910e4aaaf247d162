package org.dyad.app;

import org.dyad.app.infrastructure.TestInfrastructure;
import org.dyad.app.infrastructure.TestInfrastructures;
import org.dyad.app.process.ConsumerGroups;
import org.dyad.app.process.DyadClient;
import org.dyad.app.process.DyadProcess;
import org.dyad.app.process.EventTopic;
import org.dyad.app.process.ProcessTestLogging;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two write-side and two read-side Dyad processes (separate JVMs) against one broker with a six-partition topic and
 * one PostgreSQL: commands through both writers are stored once, published and applied to the views exactly once;
 * the readers share the partitions, and a stopped reader's partitions go to the other with no loss; concurrent
 * changes of one deal through different writers resolve by optimistic concurrency; when the publishing writer dies,
 * the other takes over publication.
 */
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final Logger log = LoggerFactory.getLogger(ScaleOutIT.class);
    private static final Path WORK = Path.of("target", "process-it", "scale-out");
    private static final Path DATA = WORK.resolve("data");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration VIEWS_TIMEOUT = Duration.ofMinutes(2);
    private static final int PARTITIONS = 6;
    private static final String GROUP = "dyad-views";

    private static TestInfrastructure infrastructure;
    private static EventAccounting accounting;
    private static List<DyadProcess> writers;
    private static List<DyadProcess> readers;

    @BeforeAll
    static void startFourInstances() throws Exception {
        ProcessTestLogging.quiet();
        FileSystemUtils.deleteRecursively(WORK.toFile());
        infrastructure = TestInfrastructures.start(DATA);
        EventTopic.create(infrastructure.bootstrapServers(), PARTITIONS);
        accounting = new EventAccounting(infrastructure, EventTopic.NAME);
        writers = List.of(new DyadProcess("writer-1", DyadProcess.Role.WRITER, infrastructure, WORK),
                new DyadProcess("writer-2", DyadProcess.Role.WRITER, infrastructure, WORK));
        readers = List.of(new DyadProcess("reader-1", DyadProcess.Role.READER, infrastructure, WORK),
                new DyadProcess("reader-2", DyadProcess.Role.READER, infrastructure, WORK));
        long started = System.nanoTime();
        List<DyadProcess> all = new ArrayList<>(writers);
        all.addAll(readers);
        DyadProcess.startAll(all, START_TIMEOUT);
        log.info("four Dyad processes ready in {} s", fmt(seconds(System.nanoTime() - started)));
    }

    @AfterAll
    static void stopAll() {
        for (List<DyadProcess> processes : new ArrayList<>(java.util.Arrays.asList(writers, readers))) {
            if (processes != null) {
                processes.forEach(DyadProcess::close);
            }
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        // The processes' output stays under WORK for the test report; the database and broker data go.
        FileSystemUtils.deleteRecursively(DATA.toFile());
    }

    @Test
    @Order(1)
    void commandsThroughBothWritersAreStoredOncePublishedAndAppliedOnceByReadersSharingThePartitions()
            throws Exception {
        List<DyadClient> clients = writers.stream().map(DyadClient::new).toList();
        long started = System.nanoTime();
        CommandLoad load = new CommandLoad("scaled", 6, 60, n -> clients.get(n % 2)).start()
                .awaitEnd(Duration.ofMinutes(3));
        double sending = seconds(System.nanoTime() - started);
        List<CommandLoad.Outcome> outcomes = load.outcomes();
        assertThat(outcomes).as("every command acknowledged").allSatisfy(o ->
                assertThat(o.status()).as("%s: %s", o.command(), o.failure()).isIn(200, 201));

        EventAccounting.Tally tally = accounting.verify("scaled", outcomes, VIEWS_TIMEOUT);
        double applied = seconds(System.nanoTime() - started);

        Map<String, Set<Integer>> shared = awaitAssignments(2);
        assertThat(shared.values()).as("each reader consumes some partitions").allSatisfy(p ->
                assertThat(p).isNotEmpty());
        assertDisjointAndComplete(shared);

        String publisher = publisherOwner();
        assertThat(writers.stream().map(w -> Long.toString(w.pid())))
                .as("the publisher's claim is held by one of the writers").contains(publisher);

        for (DyadProcess reader : readers) {
            DyadClient.Answer relationship = new DyadClient(reader).get("/api/v1/relationships/RUS/IRN");
            assertThat(relationship.status()).as("%s serves queries", reader.name()).isEqualTo(200);
        }
        log.info("""
                        scale-out: {} commands through 2 writers in {} s, all {} events in the views after {} s; \
                        {} records on the topic ({} duplicates); partitions per reader {}; publisher: pid {}""",
                outcomes.size(), fmt(sending), tally.storedEvents(), fmt(applied), tally.topicRecords(),
                tally.duplicatesOnTopic(), shared.values(), publisher);
    }

    @Test
    @Order(2)
    void aPairsCountsStayRightWhenBothReadersApplyItsDealsAtOnce() throws Exception {
        List<DyadClient> clients = writers.stream().map(DyadClient::new).toList();
        List<String> actors = List.of("DEU", "FRA", "GBR", "ITA", "ESP", "NLD", "SWE", "NOR", "FIN", "DNK",
                "BEL", "AUT", "CHE", "CZE", "HUN", "ROU", "BGR", "GRC", "TUR", "EGY");
        int dealsPerPair = 6;
        int rounds = 3;
        ExecutorService pool = Executors.newFixedThreadPool(dealsPerPair * actors.size() / 2);
        try {
            for (int round = 1; round <= rounds; round++) {
                // All pairs' deals at once, half through each writer: both readers apply deals of each pair.
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Integer>> reports = new ArrayList<>();
                for (int p = 0; p < actors.size(); p += 2) {
                    String supplier = actors.get(p);
                    String recipient = actors.get(p + 1);
                    for (int i = 0; i < dealsPerPair; i++) {
                        String id = ("burst-" + supplier + "-" + recipient + "-" + round + "-" + i).toLowerCase();
                        DyadClient client = clients.get(i % 2);
                        long amount = i;
                        reports.add(CompletableFuture.supplyAsync(() -> {
                            try {
                                go.await();
                                return client.post("/api/v1/deals",
                                        DyadClient.dealReport(id, supplier, recipient, amount), Map.of()).status();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }, pool));
                    }
                }
                go.countDown();
                assertThat(reports.stream().map(CompletableFuture::join)).allMatch(status -> status == 201);
                long expected = (long) dealsPerPair * round;
                await("every burst deal in the views").atMost(VIEWS_TIMEOUT).until(() -> accounting.viewStorage()
                        .dealsStartingWith("burst-").size() == expected * actors.size() / 2);
                Map<String, Long> counted = accounting.viewStorage().dealsCountedPerPair();
                for (int p = 0; p < actors.size(); p += 2) {
                    String a = actors.get(p).compareTo(actors.get(p + 1)) < 0 ? actors.get(p) : actors.get(p + 1);
                    String b = a.equals(actors.get(p)) ? actors.get(p + 1) : actors.get(p);
                    assertThat(counted.get(a + "-" + b)).as("round %d: deals counted for %s-%s", round, a, b)
                            .isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @Order(3)
    void aReadInstanceNeverAnswersAnotherOnesWriteFromBeforeIt() throws Exception {
        DyadClient writer = new DyadClient(writers.get(0));
        List<DyadClient> readerClients = readers.stream().map(DyadClient::new).toList();
        String relationship = "/api/v1/relationships/LTU/POL";
        for (int i = 1; i <= 8; i++) {
            for (DyadClient reader : readerClients) {
                // each reader keeps the answer from before the write
                assertThat(reader.get(relationship).body().path("dealsTotal").asLong()).isEqualTo(i - 1);
            }
            DyadClient.Answer created = writer.post("/api/v1/deals", DyadClient.dealReport("kept-pol-ltu-" + i,
                    "POL", "LTU", i), Map.of());
            assertThat(created.status()).isEqualTo(201);
            String token = created.body().path("consistencyToken").asText();
            long expected = i;
            for (DyadClient reader : readerClients) {
                DyadClient.Answer read = reader.get(relationship + "?waitFor=" + token);
                assertThat(read.header("Dyad-Consistent")).isEqualTo("true");
                assertThat(read.body().path("dealsTotal").asLong())
                        .as("deal %d read with its token, whichever reader applied it", expected).isEqualTo(expected);
            }
            for (DyadClient reader : readerClients) {
                await("the other reader learns of the change").atMost(Duration.ofSeconds(5))
                        .until(() -> reader.get(relationship).body().path("dealsTotal").asLong() == expected);
            }
        }
    }

    @Test
    @Order(4)
    void concurrentChangesOfOneDealThroughTwoWritersResolveByOptimisticConcurrency() throws Exception {
        List<DyadClient> clients = writers.stream().map(DyadClient::new).toList();
        String deal = "contested-" + System.nanoTime();
        assertThat(clients.get(0).post("/api/v1/deals", DyadClient.dealReport(deal, "USA", "POL", 1), Map.of())
                .status()).isEqualTo(201);
        int rounds = 5;
        int writersPerRound = 8;
        List<Integer> statuses = new ArrayList<>();
        List<Long> acceptedVersions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writersPerRound);
        long version = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                long expectedVersion = version;
                CountDownLatch go = new CountDownLatch(1);
                int r = round;
                List<CompletableFuture<DyadClient.Answer>> answers = IntStream.range(0, writersPerRound)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                            try {
                                go.await();
                                return clients.get(i % 2).post("/api/v1/deals/" + deal + "/estimates",
                                        DyadClient.estimate(100L * r + i),
                                        Map.of("If-Match", "\"" + expectedVersion + "\""));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }, pool)).toList();
                go.countDown();
                int acceptedThisRound = 0;
                for (CompletableFuture<DyadClient.Answer> future : answers) {
                    DyadClient.Answer answer = future.join();
                    statuses.add(answer.status());
                    if (answer.status() == 200) {
                        acceptedThisRound++;
                        acceptedVersions.add(answer.body().path("version").asLong());
                        // the version the accepted writer's answer gives is the next round's If-Match
                        version = answer.body().path("version").asLong();
                    }
                }
                assertThat(acceptedThisRound).as("round %d: exactly one change from version %d wins", round,
                        expectedVersion).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).as("every answer is 200 or 412").allSatisfy(s -> assertThat(s).isIn(200, 412));
        long accepted = acceptedVersions.size();
        assertThat(acceptedVersions).as("each accepted change got its own next version").doesNotHaveDuplicates();
        long stored = accounting.ledgerStorage().eventCount(deal);
        assertThat(stored).as("the report plus one event per accepted change").isEqualTo(1 + accepted);
        await("the views have every accepted change").atMost(VIEWS_TIMEOUT).untilAsserted(() ->
                assertThat(accounting.viewStorage().dealsStartingWith(deal).get(deal))
                        .as("estimates of %s at version %d in the views", deal, accepted)
                        .isNotNull()
                        .satisfies(row -> {
                            assertThat(row.version()).isEqualTo(accepted);
                            assertThat(row.estimates()).isEqualTo(1 + (int) accepted);
                        }));
        log.info("optimistic concurrency across writers: {} rounds of {} concurrent changes, {} accepted, {} got 412",
                rounds, writersPerRound, accepted, statuses.size() - accepted);
    }

    @Test
    @Order(5)
    void aStoppedReadersPartitionsGoToTheOtherWithNoLoss() throws Exception {
        List<DyadClient> clients = writers.stream().map(DyadClient::new).toList();
        CommandLoad load = new CommandLoad("handover", 4, 80, n -> clients.get(n % 2)).start();
        await().atMost(Duration.ofMinutes(1)).until(() -> load.acknowledgedSoFar() >= 60);
        long stopping = System.nanoTime();
        int exit = readers.get(1).stop();
        Map<String, Set<Integer>> survivor = awaitAssignments(1);
        double handedOver = seconds(System.nanoTime() - stopping);
        assertDisjointAndComplete(survivor);
        load.awaitEnd(Duration.ofMinutes(3));
        List<CommandLoad.Outcome> outcomes = load.outcomes();
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as("%s", o.failure()).isIn(200, 201));

        EventAccounting.Tally tally = accounting.verify("handover", outcomes, VIEWS_TIMEOUT);
        log.info("reader stopped (exit code {}) during a load of {} commands: its partitions were reassigned to the"
                        + " other reader {} s later; all {} events applied once", exit, outcomes.size(),
                fmt(handedOver), tally.storedEvents());
    }

    @Test
    @Order(6)
    void whenThePublishingWriterIsKilledTheOtherTakesOverPublication() throws Exception {
        String owner = publisherOwner();
        DyadProcess publishing = writers.stream().filter(w -> Long.toString(w.pid()).equals(owner)).findFirst()
                .orElseThrow(() -> new AssertionError("no writer holds the publisher's claim: " + owner));
        DyadProcess survivor = writers.stream().filter(w -> w != publishing).findFirst().orElseThrow();

        long killedAt = System.nanoTime();
        assertThat(publishing.kill()).isEqualTo(128 + 9);
        DyadClient client = new DyadClient(survivor);
        CommandLoad load = new CommandLoad("takeover", 2, 15, n -> client).start().awaitEnd(Duration.ofMinutes(1));
        assertThat(load.outcomes()).allSatisfy(o -> assertThat(o.status()).isIn(200, 201));

        EventAccounting.Tally tally = accounting.verify("takeover", load.outcomes(), VIEWS_TIMEOUT);
        double takeover = seconds(System.nanoTime() - killedAt);
        assertThat(publisherOwner()).as("the surviving writer now publishes")
                .isEqualTo(Long.toString(survivor.pid()));
        log.info("publishing writer killed: {} commands through the other writer, all {} events in the views {} s"
                + " after the kill (the dead writer's claim expires first)", load.outcomes().size(),
                tally.storedEvents(), fmt(takeover));
    }

    /** The process id of the writer whose processor holds the claim on the publisher's token. */
    private static String publisherOwner() {
        List<String> owners = accounting.ledgerStorage().tokenOwners("kafka-publisher");
        assertThat(owners).as("the publisher has one segment").hasSize(1);
        return owners.get(0) == null ? "" : owners.get(0).substring(0, owners.get(0).indexOf('@'));
    }

    private static Map<String, Set<Integer>> awaitAssignments(int members) {
        List<Map<String, Set<Integer>>> seen = new ArrayList<>();
        await("consumer group " + GROUP + " stable with " + members + " members").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    Map<String, Set<Integer>> now = ConsumerGroups.assignments(infrastructure.bootstrapServers(),
                            GROUP);
                    seen.add(now);
                    return now.size() == members;
                });
        return seen.get(seen.size() - 1);
    }

    private static void assertDisjointAndComplete(Map<String, Set<Integer>> assignments) {
        Set<Integer> all = new TreeSet<>();
        int total = 0;
        for (Set<Integer> partitions : assignments.values()) {
            all.addAll(partitions);
            total += partitions.size();
        }
        assertThat(total).as("no partition consumed twice: %s", assignments).isEqualTo(all.size());
        assertThat(all).as("every partition consumed: %s", assignments)
                .isEqualTo(new HashSet<>(IntStream.range(0, PARTITIONS).boxed().toList()));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String fmt(double seconds) {
        return String.format("%.1f", seconds);
    }
}
