package org.dyad.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dyad.embedded.EmbeddedInfrastructure;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Measures Dyad and the raw ceilings of the machine it runs on, in one run: PostgreSQL and a KRaft broker started
 * here, Dyad as a separate process on them. Prints one table (medians and ranges over repetitions, ratios to the
 * ceilings, targets) and writes it to {@code bench.out}. See docs/performance.md.
 */
public final class DyadBenchmark {

    private static final String CEILING_TOPIC = "bench.ceiling";
    private static final String EVENTS_TOPIC = "dyad.events";
    /** The dyad the queries read; no other part of the benchmark writes to it. */
    private static final int BATCH_COMMANDS = 500;
    private static final int BATCH_CLIENTS = 2;
    private static final String QUERY_A = "ISL";
    private static final String QUERY_B = "MNG";
    /** What the HTTP ceiling asks for: Dyad's liveness probe, which reads nothing and answers 15 bytes. */
    private static final String HTTP_CEILING_PATH = "/actuator/health/liveness";
    private static final String HTTP_CEILING = "HTTP liveness probe";
    private static final String[][] INGEST_PAIRS = {{"USA", "POL"}, {"FRA", "IND"}, {"RUS", "CHN"}, {"DEU", "EGY"},
            {"GBR", "SAU"}, {"KOR", "POL"}, {"ITA", "QAT"}, {"TUR", "PAK"}, {"ESP", "AUS"}, {"ISR", "IND"},
            {"USA", "JPN"}, {"NLD", "ARE"}};
    private static final String SOURCE = "\"source\": {\"publisher\": \"Benchmark Wire\", \"title\": \"Deal reported\","
            + " \"publishedOn\": \"2019-05-02\", \"quote\": \"a contract worth about $1.2 billion\"}, \"grade\": \"B2\"";

    private final Scale scale;
    private final Path out;
    private final ResultTable table = new ResultTable();
    private final ResultTable dyadRows = new ResultTable();
    private final List<String> notes = new ArrayList<>();
    private final CpuUse cpu;
    private final String jdbcUrl;
    private final String bootstrapServers;
    private DyadServer dyad;
    /** The HTTP probe's figures at 50 clients, for the queries' targets. */
    private ReadRuns probeAt50;

    private DyadBenchmark(Scale scale, Path out, Path data, String jdbcUrl, String bootstrapServers) {
        this.scale = scale;
        this.cpu = new CpuUse(data.resolve("postgres"));
        this.out = out;
        this.jdbcUrl = jdbcUrl;
        this.bootstrapServers = bootstrapServers;
    }

    public static void main(String[] args) throws Exception {
        Scale scale = Scale.named(System.getProperty("bench.scale", "full"));
        Path out = Path.of(System.getProperty("bench.out", "target/benchmark"));
        Path jar = Path.of(System.getProperty("bench.dyadJar"));
        Path sample = Path.of(System.getProperty("bench.sipriSample"));
        String dyadJvmArgs = System.getProperty("bench.dyad.jvmArgs", "");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no Dyad jar at " + jar + "; build it first");
        }
        Path data = out.resolve("data");
        deleteTree(data);
        Files.createDirectories(out);
        Machine machine = Machine.here();
        long started = System.nanoTime();
        say("Scale " + scale.name() + " on " + machine.describe());
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(data, 0, 0, 0);
        try {
            DyadBenchmark benchmark = new DyadBenchmark(scale, out, data, infrastructure.jdbcUrl(),
                    infrastructure.kafka().bootstrapServers());
            benchmark.run(jar, sample, dyadJvmArgs);
            benchmark.report(machine, dyadJvmArgs, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            infrastructure.destroy();
            deleteTree(data);
        }
        System.exit(0); // the embedded broker leaves non-daemon threads behind
    }

    private void run(Path jar, Path sample, String dyadJvmArgs) throws Exception {
        String only = System.getProperty("bench.only", "");
        if ("queries".equals(only)) {
            runQueriesOnly(jar, dyadJvmArgs);
            return;
        }
        if ("sipri".equals(only)) {
            runSipriOnly(jar, dyadJvmArgs, new SipriRegister(sample));
            return;
        }
        if ("ingest".equals(only)) {
            runIngestOnly(jar, dyadJvmArgs);
            return;
        }
        if ("heap".equals(only)) {
            runHeapOnly(jar, dyadJvmArgs, new SipriRegister(sample));
            return;
        }
        Ceilings ceilings = new Ceilings(jdbcUrl, bootstrapServers);
        ceilings.createTable();
        ceilings.createTopic(CEILING_TOPIC, 6);
        CeilingRuns before = ceilingRuns(ceilings, "before");

        say("Starting Dyad (java -jar " + jar.getFileName() + " " + dyadJvmArgs + ")");
        dyad = DyadServer.start(jar, jdbcUrl, bootstrapServers, dyadJvmArgs, out.resolve("dyad.log"));
        try {
            measureDyad(new SipriRegister(sample));
            dyad.close();
            dyad = null;
            // The machine's load may change during the run: the ceilings are measured again with Dyad stopped, and
            // each ratio is to the median of all ceiling runs.
            CeilingRuns after = ceilingRuns(ceilings, "after");
            Stats oneRow = table.add("Ceiling", "PostgreSQL inserts, one row per commit, " + scale.ingestClients()
                    + " connections", "rows/s", Stats.of(concat(before.oneRow(), after.oneRow()))).stats();
            Stats batched = table.add("Ceiling", "PostgreSQL inserts, 500-row batches, one connection", "rows/s",
                    Stats.of(concat(before.batched(), after.batched()))).stats();
            table.add("Ceiling", "Kafka producer, acks=all, idempotent, " + Ceilings.EVENT_BYTES
                    + " B records, 6 partitions", "records/s", Stats.of(concat(before.produced(), after.produced())));
            table.add("Ceiling", "Kafka consumer, same topic, from the start", "records/s",
                    Stats.of(concat(before.consumed(), after.consumed())));
            for (ResultTable.Row row : dyadRows.rows()) {
                if ("PG one-row commits".equals(row.ceiling())) {
                    table.againstCeiling(row.section(), row.metric(), row.unit(), row.stats(), row.ceiling(), oneRow,
                            0.5);
                } else if ("PG 500-row batches".equals(row.ceiling())) {
                    table.againstCeiling(row.section(), row.metric(), row.unit(), row.stats(), row.ceiling(), batched,
                            0.5);
                } else {
                    table.add(row);
                }
            }
        } finally {
            if (dyad != null) {
                dyad.close();
            }
        }
    }

    /** Only the query measurements ({@code -Dbench.only=queries}): for working on the read side. No ceilings. */
    private void runQueriesOnly(Path jar, String dyadJvmArgs) throws Exception {
        say("Starting Dyad (java -jar " + jar.getFileName() + " " + dyadJvmArgs + "), queries only");
        dyad = DyadServer.start(jar, jdbcUrl, bootstrapServers, dyadJvmArgs, out.resolve("dyad.log"));
        try {
            queries();
        } finally {
            dyad.close();
            dyad = null;
        }
        dyadRows.rows().forEach(table::add);
    }

    /**
     * Only the SIPRI measurements ({@code -Dbench.only=sipri}): a register imported, then later releases of it as
     * revisions, with the server's peak resident memory. No ceilings, so no ratios.
     */
    private void runSipriOnly(Path jar, String dyadJvmArgs, SipriRegister register) throws Exception {
        say("Starting Dyad (java -jar " + jar.getFileName() + " " + dyadJvmArgs + "), SIPRI imports only");
        dyad = DyadServer.start(jar, jdbcUrl, bootstrapServers, dyadJvmArgs, out.resolve("dyad.log"));
        try {
            sipriImport(register);
            secondRelease(register);
        } finally {
            dyad.close();
            dyad = null;
        }
        dyadRows.rows().forEach(table::add);
    }

    /**
     * Only the command side's rates ({@code -Dbench.only=ingest}): REST ingest, batch ingest and command → Kafka,
     * with the PostgreSQL batch ceiling measured once before Dyad starts for the batch's ratio.
     */
    private void runIngestOnly(Path jar, String dyadJvmArgs) throws Exception {
        Ceilings ceilings = new Ceilings(jdbcUrl, bootstrapServers);
        ceilings.createTable();
        List<Double> batchedRuns = new ArrayList<>();
        for (int r = 0; r < scale.repetitions(); r++) {
            batchedRuns.add(ceilings.batched(500, scale.ceilingRun()));
            say("PostgreSQL 500-row batches, one connection: " + round(batchedRuns.get(r)) + "/s");
        }
        Stats batched = table.add("Ceiling", "PostgreSQL inserts, 500-row batches, one connection", "rows/s",
                Stats.of(batchedRuns)).stats();
        say("Starting Dyad (java -jar " + jar.getFileName() + " " + dyadJvmArgs + "), command side only");
        dyad = DyadServer.start(jar, jdbcUrl, bootstrapServers, dyadJvmArgs, out.resolve("dyad.log"));
        try {
            Stats ingest = ingest();
            batchIngest();
            commandToKafkaAndView(Math.min(scale.fixedRate(), Math.floor(ingest.median() * 0.8)));
        } finally {
            dyad.close();
            dyad = null;
        }
        for (ResultTable.Row row : dyadRows.rows()) {
            if ("PG 500-row batches".equals(row.ceiling())) {
                table.againstCeiling(row.section(), row.metric(), row.unit(), row.stats(), row.ceiling(), batched,
                        0.5);
            } else if (!"PG one-row commits".equals(row.ceiling())) {
                table.add(row);
            }
        }
    }

    /**
     * Only the heap at 1,000,000 events ({@code -Dbench.only=heap}): registers imported until the store holds that
     * many events (within {@code bench.heapBudget}, at least 40 minutes here), the views caught up, then the heap
     * after a full GC. No ceilings.
     */
    private void runHeapOnly(Path jar, String dyadJvmArgs, SipriRegister register) throws Exception {
        say("Starting Dyad (java -jar " + jar.getFileName() + " " + dyadJvmArgs + "), heap at many events only");
        dyad = DyadServer.start(jar, jdbcUrl, bootstrapServers, dyadJvmArgs, out.resolve("dyad.log"));
        try {
            double baselineHeap = dyad.heapAfterGc();
            dyadRows.add("Dyad", "JVM heap after GC, idle at start", "MiB", Stats.of(baselineHeap / mib()));
            Duration budget = scale.heapBudget().compareTo(Duration.ofMinutes(40)) > 0 ? scale.heapBudget()
                    : Duration.ofMinutes(40);
            heapAtManyEvents(register, baselineHeap, 2.0, budget);
        } finally {
            dyad.close();
            dyad = null;
        }
        dyadRows.rows().forEach(table::add);
    }

    record CeilingRuns(List<Double> oneRow, List<Double> batched, List<Double> produced, List<Double> consumed) {
    }

    private void measureDyad(SipriRegister register) throws Exception {
        double baselineHeap = dyad.heapAfterGc();
        dyadRows.add("Dyad", "JVM heap after GC, idle at start", "MiB", Stats.of(baselineHeap / mib()));
        Stats ingest = ingest();
        batchIngest();
        latencyAtHalfLoad(ingest);
        double rate = Math.min(scale.fixedRate(), Math.floor(ingest.median() * 0.8));
        commandToKafkaAndView(rate);
        // the rebuild replays every event so far: before the imports, it stays within the run's time
        rebuild();
        Stats eventsPerRow = sipriImport(register);
        secondRelease(register);
        queries();
        heapAtManyEvents(register, baselineHeap, eventsPerRow.median(), scale.heapBudget());
    }

    /** A rate whose ratio to a ceiling is worked out once the ceilings have been measured again at the end. */
    private void againstCeiling(String metric, String unit, Stats stats, String ceiling) {
        dyadRows.add(new ResultTable.Row("Dyad", metric, unit, stats, ceiling, null, null, null));
    }

    private CeilingRuns ceilingRuns(Ceilings ceilings, String when) throws Exception {
        say("Ceilings, " + when + " Dyad");
        List<Double> oneRow = new ArrayList<>();
        List<Double> batched = new ArrayList<>();
        List<Double> produced = new ArrayList<>();
        List<Double> consumed = new ArrayList<>();
        for (int r = 0; r < scale.repetitions(); r++) {
            oneRow.add(ceilings.oneRowPerCommit(scale.ingestClients(), scale.ceilingRun()));
            say("PostgreSQL one row per commit, " + scale.ingestClients() + " writers: " + round(oneRow.get(r)) + "/s");
        }
        for (int r = 0; r < scale.repetitions(); r++) {
            batched.add(ceilings.batched(500, scale.ceilingRun()));
            say("PostgreSQL 500-row batches, one connection: " + round(batched.get(r)) + "/s");
        }
        for (int r = 0; r < scale.repetitions(); r++) {
            produced.add(ceilings.produce(CEILING_TOPIC, scale.kafkaRecords()));
            say("Kafka producer, acks=all: " + round(produced.get(r)) + " records/s");
        }
        for (int r = 0; r < scale.repetitions(); r++) {
            consumed.add(ceilings.consume(CEILING_TOPIC, scale.kafkaRecords() * (long) scale.repetitions()));
            say("Kafka consumer: " + round(consumed.get(r)) + " records/s");
        }
        return new CeilingRuns(oneRow, batched, produced, consumed);
    }

    private static List<Double> concat(List<Double> a, List<Double> b) {
        List<Double> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---------------------------------------------------------------- ceilings

    // ---------------------------------------------------------------- commands

    private static String reportSale(String id, String supplier, String recipient, int year) {
        return "{\"id\": \"" + id + "\", \"supplier\": \"" + supplier + "\", \"recipient\": \"" + recipient + "\","
                + " \"items\": [{\"designation\": \"K9 Thunder\", \"description\": \"self-propelled gun\","
                + " \"quantity\": 48}], \"stage\": \"CONTRACTED\", \"reportedOn\": \"" + year + "-05\","
                + " \"estimate\": {\"amount\": 1200000000, \"currency\": \"USD\", \"qualifier\": \"ABOUT\"}, "
                + SOURCE + "}";
    }

    private static String recordEstimate(int year, long amount) {
        return "{\"estimate\": {\"amount\": " + amount + ", \"currency\": \"USD\", \"qualifier\": \"COULD_REACH\"},"
                + " \"estimatedOn\": \"" + year + "-06\", " + SOURCE + "}";
    }

    private boolean sendReportSale(String id, long index) throws IOException, InterruptedException {
        String[] pair = INGEST_PAIRS[(int) (index % INGEST_PAIRS.length)];
        HttpResponse<String> response = dyad.post("/api/v1/deals", DyadServer.ANALYST,
                reportSale(id, pair[0], pair[1], 1995 + (int) (index % 30)));
        return response.statusCode() == 201;
    }

    private static String newId() {
        return "b" + UUID.randomUUID();
    }

    private Stats ingest() throws Exception {
        List<Double> rates = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        long failed = 0;
        for (int r = 0; r < scale.repetitions(); r++) {
            CpuUse.Reading before = cpuNow();
            Load.Outcome outcome = Load.closedLoop(scale.ingestClients(), r == 0 ? scale.warmup() : Duration.ofSeconds(1),
                    scale.ingestRun(), (i, due) -> sendReportSale(newId(), i));
            if (r == scale.repetitions() - 1) {
                cpu.add("REST ingest, " + scale.ingestClients() + " clients (last run, with its warm-up)", before,
                        cpuNow(), outcome.succeeded(), "command");
            }
            rates.add(outcome.perSecond());
            p50.add(outcome.latencies().percentileMillis(50));
            p99.add(outcome.latencies().percentileMillis(99));
            failed += outcome.failed();
            say("REST ingest, " + scale.ingestClients() + " clients: " + round(outcome.perSecond()) + " commands/s, p50 "
                    + p50.get(r) + " ms, p99 " + p99.get(r) + " ms, failed " + outcome.failed());
            awaitViewsCaughtUp(Duration.ofMinutes(2));
        }
        String clients = scale.ingestClients() + " clients";
        Stats rate = Stats.of(rates);
        againstCeiling("REST ingest (POST /deals), " + clients, "commands/s", rate, "PG one-row commits");
        dyadRows.againstCeiling("Dyad", "REST ingest (POST /deals), " + clients + ", against the web stack",
                "commands/s", rate, HTTP_CEILING, httpCeiling(scale.ingestClients()).throughput(), 0.5);
        dyadRows.add("Dyad", "REST ingest latency p50, " + clients + ", saturated", "ms", Stats.of(p50));
        dyadRows.add("Dyad", "REST ingest latency p99, " + clients + ", saturated", "ms", Stats.of(p99));
        if (failed > 0) {
            notes.add(failed + " ingest commands failed (not counted)");
        }
        return rate;
    }

    /** The commands of one batch request: {@code BATCH_COMMANDS} reports of new deals on the ingest pairs. */
    private static String reportSaleBatch(long index) {
        StringBuilder batch = new StringBuilder("{\"commands\": [");
        for (int c = 0; c < BATCH_COMMANDS; c++) {
            String[] pair = INGEST_PAIRS[c % INGEST_PAIRS.length];
            batch.append(c == 0 ? "" : ",").append("{\"path\": \"/api/v1/deals\", \"body\": ")
                    .append(reportSale(newId(), pair[0], pair[1], 1995 + (int) ((index + c) % 30))).append('}');
        }
        return batch.append("]}").toString();
    }

    /**
     * Batch ingest: {@code POST /api/v1/batches} with {@code BATCH_COMMANDS} {@code ReportSale} commands per request
     * (one event each), from two clients back to back (one prepares its next request while the other's is
     * recorded), against the PostgreSQL 500-row batch ceiling in events/s.
     */
    private void batchIngest() throws Exception {
        List<Double> eventsPerSecond = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        long failed = 0;
        for (int r = 0; r < scale.repetitions(); r++) {
            CpuUse.Reading before = cpuNow();
            Load.Outcome outcome = Load.closedLoop(BATCH_CLIENTS, r == 0 ? scale.warmup() : Duration.ofSeconds(1),
                    scale.ingestRun(), (i, due) -> {
                        HttpResponse<String> response = dyad.post("/api/v1/batches", DyadServer.ANALYST,
                                reportSaleBatch(i));
                        return response.statusCode() == 200;
                    });
            if (r == scale.repetitions() - 1) {
                cpu.add("Batch ingest, " + BATCH_CLIENTS + " clients (last run, with its warm-up)", before, cpuNow(),
                        outcome.succeeded() * BATCH_COMMANDS, "event");
            }
            eventsPerSecond.add(outcome.perSecond() * BATCH_COMMANDS);
            p50.add(outcome.latencies().percentileMillis(50));
            failed += outcome.failed();
            say("Batch ingest, " + BATCH_COMMANDS + " commands per request, " + BATCH_CLIENTS + " clients: "
                    + round(outcome.perSecond() * BATCH_COMMANDS) + " events/s, p50 " + p50.get(r)
                    + " ms per request, failed " + outcome.failed());
            awaitViewsCaughtUp(Duration.ofMinutes(5));
        }
        String name = "Batch ingest (POST /batches, " + BATCH_COMMANDS + " commands each), " + BATCH_CLIENTS
                + " clients";
        againstCeiling(name, "events/s", Stats.of(eventsPerSecond), "PG 500-row batches");
        dyadRows.add("Dyad", name + ", latency p50 per request", "ms", Stats.of(p50));
        if (failed > 0) {
            notes.add(failed + " batch requests failed (not counted)");
        }
    }

    private void latencyAtHalfLoad(Stats ingest) throws Exception {
        double rate = Math.max(1, Math.floor(ingest.median() / 2));
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int r = 0; r < scale.repetitions(); r++) {
            Load.Outcome outcome = Load.fixedRate(rate, scale.fixedRun(), 64,
                    (i, due) -> sendReportSale(newId(), i));
            p50.add(outcome.latencies().percentileMillis(50));
            p99.add(outcome.latencies().percentileMillis(99));
            say("REST at " + round(rate) + "/s (half the saturated rate): achieved " + round(outcome.perSecond())
                    + "/s, p50 " + p50.get(r) + " ms, p99 " + p99.get(r) + " ms, failed " + outcome.failed());
            awaitViewsCaughtUp(Duration.ofMinutes(2));
        }
        dyadRows.add("Dyad", "REST latency p50 at " + round(rate) + " commands/s (half load)", "ms", Stats.of(p50));
        dyadRows.atMost("Dyad", "REST latency p99 at " + round(rate) + " commands/s (half load)", "ms", Stats.of(p99),
                50);
    }

    private void commandToKafkaAndView(double rate) throws Exception {
        List<Double> kafka50 = new ArrayList<>();
        List<Double> kafka99 = new ArrayList<>();
        List<Double> view50 = new ArrayList<>();
        List<Double> view99 = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        for (int r = 0; r < scale.repetitions(); r++) {
            Map<String, Long> dueForKafka = new ConcurrentHashMap<>();
            Map<String, Long> dueForView = new ConcurrentHashMap<>();
            Latencies toKafka = new Latencies();
            Latencies toView = new Latencies();
            AtomicBoolean stop = new AtomicBoolean();
            Thread kafkaWatcher = watchTopic(dueForKafka, toKafka, stop);
            Thread viewWatcher = watchViews(dueForView, toView, stop);
            Thread.sleep(2_000); // both watchers positioned at the end
            CpuUse.Reading before = cpuNow();
            Load.Outcome outcome = Load.fixedRate(rate, scale.fixedRun(), 64, (i, due) -> {
                String id = newId();
                dueForKafka.put(id, due);
                dueForView.put(id, due);
                boolean ok = sendReportSale(id, i);
                if (!ok) {
                    dueForKafka.remove(id);
                    dueForView.remove(id);
                }
                return ok;
            });
            if (r == scale.repetitions() - 1) {
                cpu.add("Commands at " + round(rate) + "/s, command → Kafka / → view (last run)", before, cpuNow(),
                        outcome.succeeded(), "command");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((!dueForKafka.isEmpty() || !dueForView.isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            stop.set(true);
            kafkaWatcher.join();
            viewWatcher.join();
            achieved.add(outcome.perSecond());
            kafka50.add(toKafka.percentileMillis(50));
            kafka99.add(toKafka.percentileMillis(99));
            view50.add(toView.percentileMillis(50));
            view99.add(toView.percentileMillis(99));
            if (!dueForKafka.isEmpty() || !dueForView.isEmpty()) {
                notes.add("command → Kafka/view run " + (r + 1) + ": " + dueForKafka.size() + " records never seen on"
                        + " the topic and " + dueForView.size() + " never in the views within 60 s");
            }
            say("At " + round(rate) + " commands/s (achieved " + round(outcome.perSecond()) + "): command → Kafka p50 "
                    + kafka50.get(r) + " ms p99 " + kafka99.get(r) + " ms; command → view p50 " + view50.get(r)
                    + " ms p99 " + view99.get(r) + " ms");
        }
        String at = " at " + round(rate) + " commands/s";
        dyadRows.add("Dyad", "Commands sent per second in the runs below", "commands/s", Stats.of(achieved));
        dyadRows.add("Dyad", "Command → Kafka p50" + at, "ms", Stats.of(kafka50));
        dyadRows.atMost("Dyad", "Command → Kafka p99" + at, "ms", Stats.of(kafka99), 50);
        dyadRows.add("Dyad", "Command → visible in views p50" + at, "ms", Stats.of(view50));
        dyadRows.atMost("Dyad", "Command → visible in views p99" + at, "ms", Stats.of(view99), 100);
    }

    /** Records when each awaited record reaches the topic (keyed by its deal id). */
    private Thread watchTopic(Map<String, Long> due, Latencies latencies, AtomicBoolean stop) {
        return Load.start("topic-watcher", () -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
                List<TopicPartition> partitions = consumer.partitionsFor(EVENTS_TOPIC).stream()
                        .map(p -> new TopicPartition(EVENTS_TOPIC, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        Long sent = due.remove(record.key());
                        if (sent != null) {
                            latencies.recordNanos(System.nanoTime() - sent);
                        }
                    }
                }
            }
        });
    }

    /** Records when each awaited record's event is in the views (committed to views.event_log), polling every 2 ms. */
    private Thread watchViews(Map<String, Long> due, Latencies latencies, AtomicBoolean stop) {
        return Load.start("view-watcher", () -> {
            try (Connection c = DriverManager.getConnection(jdbcUrl);
                 PreparedStatement newer = c.prepareStatement(
                         "SELECT seq, aggregate_id FROM views.event_log WHERE seq > ? ORDER BY seq")) {
                long last = queryLong(c, "SELECT coalesce(max(seq), 0) FROM views.event_log");
                while (!stop.get()) {
                    newer.setLong(1, last);
                    try (ResultSet rs = newer.executeQuery()) {
                        while (rs.next()) {
                            last = rs.getLong(1);
                            Long sent = due.remove(rs.getString(2));
                            if (sent != null) {
                                latencies.recordNanos(System.nanoTime() - sent);
                            }
                        }
                    }
                    Thread.sleep(2);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ---------------------------------------------------------------- import and rebuild

    private Stats sipriImport(SipriRegister register) throws Exception {
        List<Double> seconds = new ArrayList<>();
        List<Double> rowsPerSecond = new ArrayList<>();
        List<Double> eventsPerSecond = new ArrayList<>();
        List<Double> eventsPerRow = new ArrayList<>();
        List<Double> caughtUp = new ArrayList<>();
        List<Double> peakRss = new ArrayList<>();
        for (int r = 0; r < scale.importRepetitions(); r++) {
            byte[] file = register.generate(scale.sipriRows(), r + 1);
            resetPeakRss();
            CpuUse.Reading before = cpuNow();
            ImportOutcome outcome = importRegister(file, "trade-register-" + scale.sipriRows() + "-v" + (r + 1)
                    + ".csv");
            if (r == scale.importRepetitions() - 1) {
                cpu.add("SIPRI import until the views have every event (last run)", before, cpuNow(),
                        outcome.events(), "event");
            }
            seconds.add(outcome.seconds());
            rowsPerSecond.add(outcome.rows() / outcome.seconds());
            eventsPerSecond.add(outcome.events() / outcome.seconds());
            eventsPerRow.add((double) outcome.events() / outcome.imported());
            caughtUp.add(outcome.viewsSeconds());
            peakRss.add(peakRssMiB());
            say("SIPRI import of " + outcome.rows() + " rows: " + round(outcome.seconds()) + " s, " + outcome.imported()
                    + " imported, " + outcome.rejected() + " refused, " + outcome.events() + " events; views caught up"
                    + " after " + round(outcome.viewsSeconds()) + " s");
        }
        String rows = String.format("%,d", scale.sipriRows()) + " rows";
        dyadRows.add("Dyad", "SIPRI import, " + rows, "rows/s", Stats.of(rowsPerSecond));
        againstCeiling("SIPRI import, " + rows, "events/s", Stats.of(eventsPerSecond), "PG 500-row batches");
        dyadRows.atMost("Dyad", "SIPRI import, " + rows + ", until the views have every event", "s",
                Stats.of(caughtUp), 10);
        dyadRows.add("Dyad", "SIPRI import, " + rows + ", until the job is done", "s", Stats.of(seconds));
        dyadRows.atMost("Dyad", "SIPRI import, " + rows + ", server's peak RSS until the views have every event",
                "MiB", Stats.of(peakRss), 1536);
        return Stats.of(eventsPerRow);
    }

    /**
     * A later release of the first register imported: each row matched to its deal, one in ten revised, the others
     * restated. Peak resident memory is the server's during this import alone (its high-water mark is reset first).
     */
    private void secondRelease(SipriRegister register) throws Exception {
        List<Double> rowsPerSecond = new ArrayList<>();
        List<Double> revised = new ArrayList<>();
        List<Double> peakRss = new ArrayList<>();
        for (int r = 0; r < scale.importRepetitions(); r++) {
            byte[] file = register.nextRelease(scale.sipriRows(), 1, String.format("%02d Mar 2026 09:00:00 AM",
                    10 + r), 10, r);
            resetPeakRss();
            ImportOutcome outcome = importRegister(file, "trade-register-" + scale.sipriRows() + "-release-"
                    + (r + 2) + ".csv");
            rowsPerSecond.add(outcome.rows() / outcome.seconds());
            revised.add((double) outcome.revised());
            peakRss.add(peakRssMiB());
            say("SIPRI release " + (r + 2) + " of " + outcome.rows() + " rows: " + round(outcome.seconds()) + " s, "
                    + outcome.revised() + " revised, " + outcome.unchanged() + " unchanged, " + outcome.imported()
                    + " new, " + outcome.rejected() + " refused; peak RSS " + round(peakRss.get(r)) + " MiB");
        }
        String rows = String.format("%,d", scale.sipriRows()) + " rows";
        dyadRows.add("Dyad", "SIPRI later release, " + rows, "rows/s", Stats.of(rowsPerSecond));
        dyadRows.add("Dyad", "SIPRI later release, " + rows + ", revisions found", "rows", Stats.of(revised));
        dyadRows.atMost("Dyad", "SIPRI later release, " + rows + ", server's peak RSS during the import", "MiB",
                Stats.of(peakRss), 1536);
    }

    /** Resets the server's resident-memory high-water mark (Linux: /proc/PID/clear_refs). */
    private void resetPeakRss() throws IOException {
        Files.writeString(Path.of("/proc", String.valueOf(dyad.pid()), "clear_refs"), "5");
    }

    private double peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(dyad.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    record ImportOutcome(int rows, int imported, int revised, int unchanged, int rejected, long events,
                         double seconds, double viewsSeconds) {
    }

    private ImportOutcome importRegister(byte[] file, String name) throws Exception {
        long before = maxGlobalIndex();
        long started = System.nanoTime();
        HttpResponse<String> accepted = dyad.postMultipart("/api/v1/imports/sipri", DyadServer.ADMIN, name, file);
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String id = DyadServer.JSON.readTree(accepted.body()).path("id").asText();
        JsonNode job;
        do {
            Thread.sleep(100);
            job = dyad.getJson("/api/v1/imports/" + id, DyadServer.ADMIN);
        } while (!job.path("status").asText().matches("DONE|FAILED"));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!"DONE".equals(job.path("status").asText())) {
            throw new IllegalStateException("import failed: " + job);
        }
        long events;
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            events = queryLong(c, "SELECT count(*) FROM ledger.domain_event_entry WHERE global_index > " + before);
        }
        awaitViewsCaughtUp(Duration.ofMinutes(10));
        double viewsSeconds = (System.nanoTime() - started) / 1e9;
        return new ImportOutcome(job.path("rowsTotal").asInt(), job.path("imported").asInt(),
                job.path("revised").asInt(), job.path("unchanged").asInt(), job.path("rejected").asInt(), events,
                seconds, viewsSeconds);
    }

    private void rebuild() throws Exception {
        List<Double> rates = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        long events = 0;
        for (int r = 0; r < scale.rebuildRepetitions(); r++) {
            CpuUse.Reading before = cpuNow();
            HttpResponse<String> accepted = dyad.post("/api/v1/admin/rebuilds", DyadServer.ADMIN, "");
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("rebuild answered " + accepted.statusCode() + ": " + accepted.body());
            }
            String id = DyadServer.JSON.readTree(accepted.body()).path("id").asText();
            JsonNode progress;
            do {
                Thread.sleep(250);
                progress = dyad.getJson("/api/v1/admin/rebuilds/" + id, DyadServer.ADMIN);
            } while (!progress.path("phase").asText().matches("DONE|FAILED"));
            if (!"DONE".equals(progress.path("phase").asText())) {
                throw new IllegalStateException("rebuild failed: " + progress);
            }
            double took = Duration.between(Instant.parse(progress.path("startedAt").asText()),
                    Instant.parse(progress.path("finishedAt").asText())).toMillis() / 1000.0;
            events = progress.path("eventsDone").asLong();
            if (r == scale.rebuildRepetitions() - 1) {
                cpu.add("Rebuild (last run)", before, cpuNow(), events, "event");
            }
            rates.add(events / took);
            seconds.add(took);
            say("Rebuild of " + events + " events: " + round(took) + " s, " + round(events / took) + " events/s");
        }
        String of = String.format("%,d", events) + " events";
        againstCeiling("Rebuild of the views, " + of, "events/s", Stats.of(rates), "PG 500-row batches");
        dyadRows.add("Dyad", "Rebuild of the views, " + of + ", total time", "s", Stats.of(seconds));
    }

    // ---------------------------------------------------------------- queries

    private void queries() throws Exception {
        long events = buildQueryDyad();
        String dyadName = QUERY_A + "–" + QUERY_B + " (" + String.format("%,d", events) + " events, "
                + scale.dyadDeals() + " deals)";
        String relationship = "/api/v1/relationships/" + QUERY_A + "/" + QUERY_B;
        String[][] queries = {
                {"relationship view", relationship},
                {"pending-deal list", "/api/v1/deals?status=PENDING&supplier=" + QUERY_A + "&recipient=" + QUERY_B},
                {"as-of query (relationship as of 2010-01-01)", relationship + "?asOf=2010-01-01"}};
        for (String[] query : queries) {
            DyadServer.Read answer = dyad.read(query[1], DyadServer.VIEWER);
            notes.add("Query '" + query[0] + "' on " + dyadName + ": GET " + query[1] + " answers "
                    + String.format("%,d", answer.body().length) + " bytes of JSON, "
                    + String.format("%,d", answer.bytesSent()) + " sent");
        }
        for (int readers : scale.readers()) {
            ReadRuns ceiling = httpCeiling(readers);
            if (readers == 50) {
                probeAt50 = ceiling;
            }
            for (String[] query : queries) {
                String name = query[0] + ", " + readers + (readers == 1 ? " reader" : " readers");
                ReadRuns runs = readers == 50 && query[0].startsWith("relationship")
                        ? readRunsAccounted(query, readers, name) : readRuns(query, readers, name);
                dyadRows.add("Query", name + ", p50", "ms", runs.p50());
                // the target: at 50 readers, the relationship (now and as of a date) within 1.5 × the probe
                boolean held = readers == 50 && !query[0].startsWith("pending");
                dyadRows.timesCeiling("Query", name + ", p95", "ms", runs.p95(), HTTP_CEILING + " p95",
                        ceiling.p95(), held ? 1.5 : null);
                dyadRows.add("Query", name + ", p99", "ms", runs.p99());
                dyadRows.againstCeiling("Query", name + ", throughput", "queries/s", runs.throughput(),
                        HTTP_CEILING, ceiling.throughput(), null);
            }
        }
        timeline(dyadName);
        readsWhileOtherPairsChange(queries[0]);
        firstReadsAfterAChange(queries);
        notes.add("Queries ran on " + dyadName + "; deals reported 1995-2024, so the as-of date sees about half");
    }

    /**
     * The pair's timeline (every event between the two, in valid-time order, with its source): the answer's size for
     * its first page and for the largest page, and the time one reader waits for each.
     */
    private void timeline(String dyadName) {
        for (int size : new int[]{100, 1000}) {
            String path = "/api/v1/timeline?parties=" + QUERY_A + "," + QUERY_B + "&size=" + size;
            String name = "timeline of " + dyadName + ", first " + size + " events, 1 reader";
            try {
                DyadServer.Read answer = dyad.read(path, DyadServer.VIEWER);
                notes.add("Query 'timeline, first " + size + " events' on " + dyadName + ": GET " + path + " answers "
                        + String.format("%,d", answer.body().length) + " bytes of JSON, "
                        + String.format("%,d", answer.bytesSent()) + " sent");
            } catch (Exception e) {
                notes.add("Query '" + name + "' failed: " + e.getMessage());
                continue;
            }
            ReadRuns runs = readRuns(new String[]{name, path}, 1, name);
            dyadRows.add("Query", name + ", p50", "ms", runs.p50());
            dyadRows.add("Query", name + ", p95", "ms", runs.p95());
        }
    }

    /**
     * What the web stack alone gives the same number of clients: Dyad's liveness probe, answered by the same server
     * through the same security filters (the credentials are checked), to the same client, and reading nothing. No
     * request to Dyad can be answered faster. Its latency percentiles are rows of their own; its throughput is
     * answered for the ratios.
     */
    private ReadRuns httpCeiling(int clients) {
        String name = "HTTP, the same server's liveness probe, " + clients + (clients == 1 ? " client" : " clients");
        String[] probe = {name, HTTP_CEILING_PATH};
        ReadRuns runs = clients == 50 ? readRunsAccounted(probe, clients, name) : readRuns(probe, clients, name);
        dyadRows.add("Ceiling", name + ", p50", "ms", runs.p50());
        dyadRows.add("Ceiling", name + ", p95", "ms", runs.p95());
        dyadRows.add("Ceiling", name + ", throughput", "requests/s", runs.throughput());
        return runs;
    }

    /** The repetitions of one closed-loop read: each percentile and the throughput over the runs. */
    private record ReadRuns(Stats p50, Stats p95, Stats p99, Stats throughput) {
    }

    /** The repetitions of one closed-loop read, with where their CPU went. */
    private ReadRuns readRunsAccounted(String[] query, int readers, String label) {
        CpuUse.Reading before = cpuNow();
        long[] answered = {0};
        ReadRuns runs = readRuns(query, readers, label, answered);
        cpu.add(label + " (" + scale.queryRepetitions() + (scale.queryRepetitions() == 1 ? " run)" : " runs)"), before, cpuNow(), answered[0], "answer");
        return runs;
    }

    private ReadRuns readRuns(String[] query, int readers, String label) {
        return readRuns(query, readers, label, new long[1]);
    }

    private ReadRuns readRuns(String[] query, int readers, String label, long[] answered) {
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> throughput = new ArrayList<>();
        for (int r = 0; r < scale.queryRepetitions(); r++) {
            Load.Outcome outcome = read(query, readers, label, r);
            answered[0] += outcome.succeeded();
            p50.add(percentile(outcome, 50));
            p95.add(percentile(outcome, 95));
            p99.add(percentile(outcome, 99));
            throughput.add(outcome.perSecond());
        }
        return new ReadRuns(Stats.of(p50), Stats.of(p95), Stats.of(p99), Stats.of(throughput));
    }

    /** One closed-loop run of readers asking one query; what failed is noted, the figures said. */
    private Load.Outcome read(String[] query, int readers, String label, int run) {
        Load.Outcome outcome = Load.closedLoop(readers, Duration.ofSeconds(1), scale.queryRun(),
                (i, due) -> dyad.read(query[1], DyadServer.VIEWER).status() == 200);
        if (outcome.latencies().count() == 0 || outcome.failed() > 0) {
            notes.add(label + ", run " + (run + 1) + ": " + outcome.succeeded() + " answered, " + outcome.failed()
                    + " failed (not 200 or no answer within 60 s)");
        }
        say(label + ": " + round(outcome.perSecond()) + "/s, p50 " + percentile(outcome, 50) + " ms, p95 "
                + percentile(outcome, 95) + " ms, p99 " + percentile(outcome, 99) + " ms, failed " + outcome.failed());
        return outcome;
    }

    /** A latency percentile of a run; no answer within the run is no latency: n/a, failing its target. */
    private static double percentile(Load.Outcome outcome, double percentile) {
        return outcome.latencies().count() > 0 ? outcome.latencies().percentileMillis(percentile) : Double.NaN;
    }

    /**
     * The relationship read by 50 readers while deals of other pairs are reported at a steady rate: each commit
     * changes the views, but not what is on record between the pair.
     */
    private void readsWhileOtherPairsChange(String[] query) throws Exception {
        int readers = 50;
        double rate = 100;
        String name = query[0] + ", " + readers + " readers, other pairs written at " + round(rate) + " commands/s";
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> throughput = new ArrayList<>();
        for (int r = 0; r < scale.queryRepetitions(); r++) {
            AtomicLong written = new AtomicLong();
            Thread writer = Load.start("other-pairs-writer", () -> written.set(Load.fixedRate(rate,
                    scale.queryRun().plusSeconds(2), 16, (i, due) -> sendReportSale(newId(), i)).succeeded()));
            Load.Outcome outcome = read(query, readers, name, r);
            writer.join();
            p50.add(percentile(outcome, 50));
            p95.add(percentile(outcome, 95));
            throughput.add(outcome.perSecond());
            say(written.get() + " deals of other pairs written meanwhile");
            awaitViewsCaughtUp(Duration.ofMinutes(1));
        }
        dyadRows.add("Query", name + ", p50", "ms", Stats.of(p50));
        if (probeAt50 != null) {
            dyadRows.timesCeiling("Query", name + ", p95", "ms", Stats.of(p95), HTTP_CEILING + " p95",
                    probeAt50.p95(), 1.5);
        } else {
            dyadRows.add("Query", name + ", p95", "ms", Stats.of(p95));
        }
        dyadRows.add("Query", name + ", throughput", "queries/s", Stats.of(throughput));
    }

    /**
     * The queries above ask about a pair that does not change while they run, so after the first answer each is
     * one the views keep until records naming the pair change. Here each read follows a change: an estimate recorded on one of the
     * pair's deals and applied by the views, then each query once, by one reader.
     */
    private void firstReadsAfterAChange(String[][] queries) throws Exception {
        int changes = 20;
        List<Latencies> latencies = new ArrayList<>();
        for (String[] ignored : queries) {
            latencies.add(new Latencies());
        }
        for (int i = 0; i < changes; i++) {
            int d = i * 37 % scale.dyadDeals();
            expect(dyad.post("/api/v1/deals/" + queryDealId(d) + "/estimates", DyadServer.ANALYST,
                    recordEstimate(queryDealYear(d), 2_000_000_000L + i)), 200);
            awaitViewsCaughtUp(Duration.ofMinutes(1));
            for (int q = 0; q < queries.length; q++) {
                long started = System.nanoTime();
                int status = dyad.read(queries[q][1], DyadServer.VIEWER).status();
                if (status != 200) {
                    throw new IllegalStateException("GET " + queries[q][1] + " answered " + status);
                }
                latencies.get(q).recordNanos(System.nanoTime() - started);
            }
        }
        for (int q = 0; q < queries.length; q++) {
            String name = queries[q][0] + ", first read after a change, 1 reader";
            double p50 = latencies.get(q).percentileMillis(50);
            double p95 = latencies.get(q).percentileMillis(95);
            say(name + ": p50 " + p50 + " ms, p95 " + p95 + " ms (" + changes + " changes)");
            dyadRows.add("Query", name + ", p50", "ms", Stats.of(p50));
            if (queries[q][0].startsWith("pending")) {
                dyadRows.add("Query", name + ", p95", "ms", Stats.of(p95));
            } else {
                dyadRows.atMost("Query", name + ", p95", "ms", Stats.of(p95), 10);
            }
        }
        notes.add("First reads after a change: " + changes + " times an estimate recorded on one of the pair's deals,"
                + " the views caught up, then each query once");
    }

    /** The id of the query dyad's deal number {@code d}. */
    private static String queryDealId(int d) {
        return "bench-" + QUERY_A.toLowerCase() + "-" + QUERY_B.toLowerCase() + "-" + d;
    }

    /** The year the query dyad's deal number {@code d} was reported: 1995–2024. */
    private static int queryDealYear(int d) {
        return 1995 + d % 30;
    }

    /** One dyad with {@code dyadDeals} deals of {@code eventsPerDeal} events each, recorded through REST. */
    private long buildQueryDyad() throws Exception {
        say("Recording " + scale.dyadEvents() + " events on " + QUERY_A + "–" + QUERY_B);
        long started = System.nanoTime();
        int clients = scale.ingestClients();
        List<Thread> threads = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Load.start("dyad-builder-" + c, () -> {
                try {
                    for (int d = client; d < scale.dyadDeals(); d += clients) {
                        String id = queryDealId(d);
                        int year = queryDealYear(d);
                        expect(dyad.post("/api/v1/deals", DyadServer.ANALYST, reportSale(id, QUERY_A, QUERY_B, year)),
                                201);
                        for (int e = 1; e < scale.eventsPerDeal(); e++) {
                            expect(dyad.post("/api/v1/deals/" + id + "/estimates", DyadServer.ANALYST,
                                    recordEstimate(year, 1_000_000_000L + e * 50_000_000L)), 200);
                        }
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(String.valueOf(e.getMessage()));
                    }
                }
            }));
        }
        Load.joinAll(threads);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("recording the query dyad failed: " + failures);
        }
        awaitViewsCaughtUp(Duration.ofMinutes(5));
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            long events = queryLong(c, "SELECT count(*) FROM views.event_log WHERE parties @> ARRAY['" + QUERY_A
                    + "', '" + QUERY_B + "']");
            say("Query dyad has " + events + " events (" + round((System.nanoTime() - started) / 1e9) + " s)");
            return events;
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
    }

    // ---------------------------------------------------------------- heap

    private void heapAtManyEvents(SipriRegister register, double baselineHeap, double eventsPerRow,
                                  Duration budget) throws Exception {
        long stored = countEvents();
        long deadline = System.nanoTime() + budget.toNanos();
        int variant = 100;
        while (stored < scale.heapEvents() && System.nanoTime() < deadline) {
            int rows = (int) Math.min(100_000, Math.ceil((scale.heapEvents() - stored) / eventsPerRow) + 100);
            say("Storing more events: importing " + rows + " rows (" + stored + " events stored)");
            ImportOutcome outcome = importRegister(register.generate(rows, variant++), "bulk-" + variant + ".csv");
            say("Imported " + outcome.events() + " events in " + round(outcome.seconds()) + " s ("
                    + round(outcome.events() / outcome.seconds()) + " events/s)");
            stored = countEvents();
        }
        awaitViewsCaughtUp(Duration.ofMinutes(10));
        double heap = dyad.heapAfterGc();
        String at = String.format("%,d", stored) + " events stored";
        say("Heap after GC with " + at + ": " + round(heap / mib()) + " MiB (max " + round(dyad.heapMax() / mib())
                + " MiB)");
        if (stored >= 1_000_000) {
            dyadRows.atMost("Dyad", "JVM heap after GC, " + at, "MiB", Stats.of(heap / mib()), 256);
        } else {
            dyadRows.add("Dyad", "JVM heap after GC, " + at, "MiB", Stats.of(heap / mib()));
            double perEvent = Math.max(0, heap - baselineHeap) / stored;
            double projected = (baselineHeap + perEvent * 1_000_000) / mib();
            // the target is for a measured heap: an extrapolation is shown without a verdict
            dyadRows.add("Dyad", "JVM heap at 1,000,000 events, extrapolated linearly from " + at, "MiB",
                    Stats.of(projected));
            notes.add("Heap at 1,000,000 events is extrapolated: idle heap + (heap − idle heap) / " + stored
                    + " × 1,000,000");
        }
        notes.add("Dyad's heap ceiling (-Xmx or the JVM default): " + round(dyad.heapMax() / mib()) + " MiB");
    }

    // ---------------------------------------------------------------- helpers

    private long countEvents() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            return queryLong(c, "SELECT count(*) FROM ledger.domain_event_entry");
        }
    }

    private long maxGlobalIndex() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            return queryLong(c, "SELECT coalesce(max(global_index), 0) FROM ledger.domain_event_entry");
        }
    }

    /**
     * Waits until the views have applied every event stored so far, so one measurement does not slow the next.
     * The exact check, {@code max(position)} of {@code views.applied_version}, scans that table (a row per record,
     * no index on the position), so it is kept rare to leave PostgreSQL's CPU to the views being waited for: the
     * cheap look at the event log's indexed {@code seq}, every 20 ms, asks for it only when the log has stopped
     * growing (at most every 100 ms) and otherwise once a second. A step's end is known within about 100 ms.
     */
    private void awaitViewsCaughtUp(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            long stored = queryLong(c, "SELECT coalesce(max(global_index), 0) FROM ledger.domain_event_entry");
            long logged = -1;
            long checked = System.nanoTime() - 2_000_000_000L;
            while (true) {
                long nowLogged = queryLong(c, "SELECT coalesce(max(seq), 0) FROM views.event_log");
                long sinceCheck = System.nanoTime() - checked;
                boolean due = sinceCheck > 1_000_000_000L || (nowLogged == logged && sinceCheck > 100_000_000L);
                logged = nowLogged;
                if (due) {
                    checked = System.nanoTime();
                    if (queryLong(c, "SELECT coalesce(max(position), 0) FROM views.applied_version") >= stored) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    notes.add("views had not caught up within " + timeout);
                    return;
                }
                Thread.sleep(20);
            }
        }
    }

    private static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void report(Machine machine, String dyadJvmArgs, Duration took) throws IOException {
        String settings;
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            settings = "PostgreSQL " + queryString(c, "SHOW server_version") + ", synchronous_commit="
                    + queryString(c, "SHOW synchronous_commit") + ", fsync=" + queryString(c, "SHOW fsync");
        } catch (SQLException e) {
            settings = "PostgreSQL settings unknown";
        }
        String header = "Dyad benchmark, scale " + scale.name() + ", " + machine.describe() + "\nLoad average at the end: "
                + Machine.currentLoad() + "; run took " + took.truncatedTo(ChronoUnit.SECONDS).toString().substring(2)
                .toLowerCase() + "\n" + settings + "; Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                + " (KRaft, one broker, log.flush.interval.messages=1); Dyad JVM options: "
                + (dyadJvmArgs.isBlank() ? "(none)" : dyadJvmArgs) + "\n";
        String notesText = notes.isEmpty() ? "" : "\nNotes:\n" + String.join("\n", notes.stream()
                .map(n -> "- " + n).toList()) + "\n";
        String cpuText = cpu.isEmpty() ? "" : "\nWhere the CPU went:\n" + cpu.text();
        String text = header + "\n" + table.text() + cpuText + notesText;
        System.out.println("\n" + text);
        Files.writeString(out.resolve("results-" + scale.name() + ".txt"), text);
        Files.writeString(out.resolve("results-" + scale.name() + ".md"), header.replace("\n", "  \n") + "\n"
                + table.markdown() + (cpu.isEmpty() ? "" : "\nWhere the CPU went:\n\n" + cpu.markdown())
                + notesText);
        say("Results written to " + out.toAbsolutePath());
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private CpuUse.Reading cpuNow() {
        return cpu.read(dyad.pid());
    }

    private static double mib() {
        return 1024.0 * 1024.0;
    }

    private static String round(double value) {
        return ResultTable.number(value);
    }

    private static void say(String line) {
        System.out.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " load "
                + Machine.currentLoad().split(" ")[0] + "] " + line);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
