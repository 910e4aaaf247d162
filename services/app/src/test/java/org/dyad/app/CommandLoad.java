package org.dyad.app;

import org.dyad.app.process.DyadClient;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Client threads sending commands, each with its own Idempotency-Key: deals reported, then advanced to negotiation,
 * then given estimates. A thread changes only deals whose report it saw acknowledged. A thread that loses its
 * server (a connection error or a 5xx) records the command as failed and stops: the test retries it later.
 */
final class CommandLoad {

    /** The actor pairs the deals are spread over, so that each pair's counts see concurrent changes. */
    static final List<List<String>> PAIRS = List.of(List.of("RUS", "IRN"), List.of("USA", "TWN"),
            List.of("ISR", "IND"), List.of("USA", "POL"));

    enum Kind { REPORT, NEGOTIATION, ESTIMATE }

    record Command(String key, Kind kind, String dealId, String path, String body) {
    }

    /** The answer to a command: its status (0 when the connection failed) and, when 2xx, the deal's version. */
    record Outcome(Command command, int status, long version, boolean replayed, String failure) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final String prefix;
    private final int threads;
    private final int commandsPerThread;
    private final IntFunction<DyadClient> target;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> workers = new ArrayList<>();

    /** {@code target} chooses the server of the n-th command of a thread. */
    CommandLoad(String prefix, int threads, int commandsPerThread, IntFunction<DyadClient> target) {
        this.prefix = prefix;
        this.threads = threads;
        this.commandsPerThread = commandsPerThread;
        this.target = target;
    }

    CommandLoad start() {
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> run(thread), prefix + "-client-" + t);
            workers.add(worker);
            worker.start();
        }
        return this;
    }

    /** Lets each thread finish the command it is sending, then stop. */
    void stop() {
        stopping.set(true);
    }

    /** Waits until every thread has stopped. */
    CommandLoad awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread worker : workers) {
            worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (worker.isAlive()) {
                throw new AssertionError(worker.getName() + " still sending after " + timeout);
            }
        }
        return this;
    }

    long acknowledgedSoFar() {
        return acknowledged.get();
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    private void run(int thread) {
        Random random = new Random(thread * 7919L);
        List<String> deals = new ArrayList<>();
        Map<String, Integer> changes = new java.util.HashMap<>();
        for (int n = 0; n < commandsPerThread && !stopping.get(); n++) {
            Command command;
            if (deals.isEmpty() || random.nextInt(100) < 35) {
                String id = prefix + "-" + thread + "-" + n;
                List<String> pair = PAIRS.get(random.nextInt(PAIRS.size()));
                command = new Command(UUID.randomUUID().toString(), Kind.REPORT, id, "/api/v1/deals",
                        DyadClient.dealReport(id, pair.get(0), pair.get(1), 1_000_000L + n));
            } else {
                String id = deals.get(random.nextInt(deals.size()));
                boolean first = changes.getOrDefault(id, 0) == 0;
                command = first
                        ? new Command(UUID.randomUUID().toString(), Kind.NEGOTIATION, id,
                        "/api/v1/deals/" + id + "/negotiation", DyadClient.negotiation())
                        : new Command(UUID.randomUUID().toString(), Kind.ESTIMATE, id,
                        "/api/v1/deals/" + id + "/estimates", DyadClient.estimate(2_000_000L + n));
            }
            Outcome outcome = send(target.apply(thread + n), command);
            outcomes.add(outcome);
            if (!outcome.acknowledged()) {
                return;
            }
            acknowledged.incrementAndGet();
            if (command.kind() == Kind.REPORT) {
                deals.add(command.dealId());
            } else {
                changes.merge(command.dealId(), 1, Integer::sum);
            }
        }
    }

    /** Sends a command (again, with the same key, when retrying). */
    static Outcome send(DyadClient client, Command command) {
        try {
            DyadClient.Answer answer = client.post(command.path(), command.body(),
                    Map.of("Idempotency-Key", command.key()));
            long version = answer.ok() ? answer.body().path("version").asLong(-1) : -1;
            return new Outcome(command, answer.status(), version, "true".equals(answer.header("Idempotent-Replayed")),
                    answer.ok() ? null : String.valueOf(answer.body()));
        } catch (IOException e) {
            return new Outcome(command, 0, -1, false, e.toString());
        }
    }
}
