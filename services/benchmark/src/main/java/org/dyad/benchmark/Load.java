package org.dyad.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Drives calls: as fast as N clients can (closed loop) or at a fixed rate (open loop). Bounded in time. */
final class Load {

    /** One call; answers whether it succeeded. */
    interface Call {
        boolean run(long index, long intendedNanos) throws Exception;
    }

    record Outcome(long succeeded, long failed, double seconds, Latencies latencies) {
        double perSecond() {
            return succeeded / seconds;
        }
    }

    private Load() {
    }

    /** {@code clients} threads call back to back; only calls that start after the warm-up count. */
    static Outcome closedLoop(int clients, Duration warmup, Duration run, Call call) {
        Latencies latencies = new Latencies();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong index = new AtomicLong();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long until = measureFrom + run.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(start("closed-loop-" + c, () -> {
                long now;
                while ((now = System.nanoTime()) < until) {
                    boolean ok = safely(call, index.getAndIncrement(), now);
                    long end = System.nanoTime();
                    // a call started in the window counts even if it ends after it, so slow calls are not lost
                    if (now >= measureFrom) {
                        (ok ? succeeded : failed).incrementAndGet();
                        if (ok) {
                            latencies.recordNanos(end - now);
                        }
                    }
                }
            }));
        }
        joinAll(threads);
        // calls started in the window, over the time from its start until the last of them ended
        return new Outcome(succeeded.get(), failed.get(), Math.max(run.toNanos(), System.nanoTime() - measureFrom) / 1e9,
                latencies);
    }

    /**
     * Calls at {@code perSecond} for {@code run}, from up to {@code senders} threads. Each latency counts from the
     * moment the call was due, so a server that falls behind is charged for the wait (no coordinated omission).
     */
    static Outcome fixedRate(double perSecond, Duration run, int senders, Call call) {
        Latencies latencies = new Latencies();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long total = Math.round(perSecond * run.toNanos() / 1e9);
        double interval = 1e9 / perSecond;
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + 50_000_000;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            threads.add(start("fixed-rate-" + s, () -> {
                long i;
                while ((i = next.getAndIncrement()) < total) {
                    long due = start + Math.round(i * interval);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    boolean ok = safely(call, i, due);
                    (ok ? succeeded : failed).incrementAndGet();
                    if (ok) {
                        latencies.recordNanos(System.nanoTime() - due);
                    }
                }
            }));
        }
        joinAll(threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(succeeded.get(), failed.get(), seconds, latencies);
    }

    private static boolean safely(Call call, long index, long due) {
        try {
            return call.run(index, due);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void joinAll(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
