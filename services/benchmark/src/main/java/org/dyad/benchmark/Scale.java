package org.dyad.benchmark;

import java.time.Duration;
import java.util.List;

/**
 * How much the benchmark does. {@code full} gives the figures of docs/performance.md in about 20-25 minutes;
 * {@code small} checks in a couple of minutes that every measurement works. The full run's warm-up before the first
 * run of REST and batch ingest (40 s) lets Dyad's JIT compilers finish with the command path, which they are still
 * compiling 10 s after Dyad starts; the CPU table shows what they and the garbage collector take in each step.
 */
public record Scale(String name, int repetitions, int importRepetitions, int rebuildRepetitions,
                    int queryRepetitions, Duration ceilingRun, int kafkaRecords, int ingestClients, Duration warmup,
                    Duration ingestRun, int fixedRate, Duration fixedRun, int sipriRows, int dyadDeals,
                    int eventsPerDeal, List<Integer> readers, Duration queryRun, long heapEvents,
                    Duration heapBudget) {

    public static Scale named(String name) {
        return switch (name) {
            case "full" -> new Scale("full", 3, 2, 2, 2, Duration.ofSeconds(4), 100_000, 16,
                    Duration.ofSeconds(40), Duration.ofSeconds(15), 1_000, Duration.ofSeconds(15), 29_524, 1_000, 10,
                    List.of(1, 50, 200), Duration.ofSeconds(4), 1_000_000, budgetForHeap());
            case "small" -> new Scale("small", 2, 1, 1, 1, Duration.ofSeconds(2), 30_000, 8,
                    Duration.ofSeconds(2), Duration.ofSeconds(4), 1_000, Duration.ofSeconds(4), 1_500, 100, 10,
                    List.of(1, 50), Duration.ofSeconds(3), 0, Duration.ZERO);
            default -> throw new IllegalArgumentException("bench.scale must be full or small, not " + name);
        };
    }

    /**
     * How long the full run may spend storing events up to 1,000,000 before it measures the heap
     * ({@code -Dbench.heapBudget=PT25M}); by default none, and the heap at 1,000,000 events is extrapolated.
     */
    private static Duration budgetForHeap() {
        return Duration.parse(System.getProperty("bench.heapBudget", "PT0S"));
    }

    public int dyadEvents() {
        return dyadDeals * eventsPerDeal;
    }
}
