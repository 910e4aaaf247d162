package org.dyad.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a step's CPU went: Dyad's process, PostgreSQL's processes, this JVM (the Kafka broker and the load clients),
 * and anything else on the machine, from Linux's own accounts ({@code /proc/stat}, {@code /proc/PID/stat}). On two
 * shared cores a rate is often bounded by the CPU every party needs for one unit of work; this says how much each
 * took and whether the cores were busy at all.
 */
final class CpuUse {

    /** Linux's accounting unit, {@code getconf CLK_TCK}: 100 on every common kernel configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** The accounts at one moment, in clock ticks. */
    record Reading(long nanos, long machineBusy, long machineAll, long dyad, long dyadJvm, long postgres,
                   long benchmark) {
    }

    /**
     * The JVM's own threads in Dyad's process: the JIT compilers (C1, C2) and the garbage collector's (G1's
     * workers, concurrent and refinement threads, and the VM thread that runs its pauses).
     */
    private static final Pattern JVM_THREAD =
            Pattern.compile("C[12] CompilerThre.*|GC Thread.*|G1 .*|VM Thread");

    /**
     * One step's use.
     *
     * @param units     how many units of work the step did (events, commands, queries)
     * @param unit      what a unit is, e.g. "event"
     * @param cores     the machine's cores
     * @param busy      the share of all cores' time that was busy (not idle, not waiting for I/O)
     * @param dyad      Dyad's CPU seconds
     * @param dyadJvm   of them, the JIT compilers' and the garbage collector's (a compiler thread that ended took
     *                  its account with it: a lower bound)
     * @param postgres  PostgreSQL's CPU seconds (every server process, ended ones included)
     * @param benchmark this JVM's CPU seconds: the Kafka broker and the load clients
     * @param other     the rest of the machine's busy CPU seconds
     */
    record Spent(String step, double seconds, long units, String unit, int cores, double busy, double dyad,
                 double dyadJvm, double postgres, double benchmark, double other) {

        private double micros(double cpuSeconds) {
            return units == 0 ? Double.NaN : cpuSeconds * 1e6 / units;
        }
    }

    private final List<Spent> steps = new ArrayList<>();
    private final int cores = Runtime.getRuntime().availableProcessors();

    private final String postgresDataDir;

    /** Accounts for the PostgreSQL server whose data directory is under {@code postgresData}. */
    CpuUse(Path postgresData) {
        this.postgresDataDir = postgresData.toAbsolutePath().toString();
    }

    Reading read(long dyadPid) {
        long[] machine = machineTicks();
        return new Reading(System.nanoTime(), machine[0], machine[1], processTicks(Path.of("/proc",
                String.valueOf(dyadPid), "stat"), false), jvmThreadTicks(dyadPid), postgresTicks(),
                processTicks(Path.of("/proc/self/stat"), false));
    }

    /** Notes one step's use between two readings. */
    Spent add(String step, Reading before, Reading after, long units, String unit) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        long all = after.machineAll() - before.machineAll();
        double busySeconds = (after.machineBusy() - before.machineBusy()) / TICKS_PER_SECOND;
        double dyad = (after.dyad() - before.dyad()) / TICKS_PER_SECOND;
        double dyadJvm = Math.max(0, after.dyadJvm() - before.dyadJvm()) / TICKS_PER_SECOND;
        double postgres = (after.postgres() - before.postgres()) / TICKS_PER_SECOND;
        double benchmark = (after.benchmark() - before.benchmark()) / TICKS_PER_SECOND;
        Spent spent = new Spent(step, seconds, units, unit, cores,
                all == 0 ? Double.NaN : (double) (after.machineBusy() - before.machineBusy()) / all, dyad, dyadJvm,
                postgres,
                benchmark, Math.max(0, busySeconds - dyad - postgres - benchmark));
        steps.add(spent);
        return spent;
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The steps in Markdown: cores each party kept busy, and CPU microseconds per unit of work. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| Step | Seconds | Machine busy | Dyad | of it, JIT and GC | PostgreSQL | Kafka broker + clients "
                + "| Other | CPU per unit: Dyad / PostgreSQL / broker + clients |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Spent s : steps) {
            out.append("| ").append(s.step()).append(" | ").append(ResultTable.number(s.seconds())).append(" | ")
                    .append(percent(s.busy())).append(" of ").append(s.cores()).append(" cores | ")
                    .append(cores(s.dyad(), s.seconds())).append(" | ").append(cores(s.dyadJvm(), s.seconds()))
                    .append(" | ").append(cores(s.postgres(), s.seconds()))
                    .append(" | ").append(cores(s.benchmark(), s.seconds())).append(" | ")
                    .append(cores(s.other(), s.seconds())).append(" | ")
                    .append(String.format(Locale.ROOT, "%s / %s / %s µs per %s (%,d)",
                            ResultTable.number(s.micros(s.dyad())), ResultTable.number(s.micros(s.postgres())),
                            ResultTable.number(s.micros(s.benchmark())), s.unit(), s.units()))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** The same as plain text. */
    String text() {
        return markdown().lines().filter(l -> !l.startsWith("|---")).map(l -> l.replaceAll("^\\| | \\|$", ""))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static String cores(double cpuSeconds, double seconds) {
        return seconds <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2f cores", cpuSeconds / seconds);
    }

    /** Busy and all ticks of every core: the first line of /proc/stat (busy: neither idle nor waiting for I/O). */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            long idle = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) { // user … steal; guest time is within user
                long ticks = Long.parseLong(fields[i]);
                all += ticks;
                if (i == 4 || i == 5) { // idle, iowait
                    idle += ticks;
                }
            }
            return new long[]{all - idle, all};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    /**
     * A process's user and system ticks ({@code /proc/PID/stat} fields 14 and 15), with those of its ended and
     * reaped children (16 and 17) when asked; 0 if it is gone.
     */
    private static long processTicks(Path stat, boolean withEndedChildren) {
        try {
            String line = Files.readString(stat);
            // the command name (field 2) may hold spaces; the fields after it follow its closing parenthesis
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split("\\s+");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withEndedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The ticks of the JVM's own threads ({@link #JVM_THREAD}) living in the process, from /proc/PID/task. */
    private static long jvmThreadTicks(long pid) {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads) {
                try {
                    if (JVM_THREAD.matcher(Files.readString(thread.resolve("comm")).strip()).matches()) {
                        ticks += processTicks(thread.resolve("stat"), false);
                    }
                } catch (IOException | RuntimeException ignored) {
                    // ended while being read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /**
     * The ticks of this server's PostgreSQL processes: its postmaster (the {@code postgres} process started on its
     * data directory) with its ended children, the backends and workers that have exited, and its living children.
     * Other PostgreSQL servers on the machine count as "other".
     */
    private long postgresTicks() {
        long ticks = 0;
        Map<Long, Long> parentOf = new HashMap<>();
        List<Long> postmasters = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if (!"postgres".equals(Files.readString(process.resolve("comm")).strip())) {
                        continue;
                    }
                    long pid = Long.parseLong(process.getFileName().toString());
                    String stat = Files.readString(process.resolve("stat"));
                    parentOf.put(pid, Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split("\\s+")[1]));
                    String command = new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
                    if (command.contains(postgresDataDir)) {
                        postmasters.add(pid);
                    }
                } catch (IOException | RuntimeException ignored) {
                    // ended while being read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        for (Map.Entry<Long, Long> process : parentOf.entrySet()) {
            boolean postmaster = postmasters.contains(process.getKey());
            if (postmaster || postmasters.contains(process.getValue())) {
                ticks += processTicks(Path.of("/proc", String.valueOf(process.getKey()), "stat"), postmaster);
            }
        }
        return ticks;
    }
}
