package org.dyad.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** What the figures were measured on. */
record Machine(int cpus, String cpuModel, long memoryMiB, String jdk, String os, String loadAverage, String date) {

    static Machine here() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMiB(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), currentLoad(),
                LocalDate.now().toString());
    }

    Machine withLoad() {
        return new Machine(cpus, cpuModel, memoryMiB, jdk, os, currentLoad(), date);
    }

    String describe() {
        return String.format(Locale.ROOT, "%d CPUs (%s), %,d MiB RAM, %s, %s, load average %s, %s", cpus, cpuModel,
                memoryMiB, jdk, os, loadAverage, date);
    }

    private static String readCpuModel() {
        return line("/proc/cpuinfo", "model name");
    }

    private static long readMemoryMiB() {
        String total = line("/proc/meminfo", "MemTotal");
        return total.isEmpty() ? -1 : Long.parseLong(total.replaceAll("[^0-9]", "")) / 1024;
    }

    static String currentLoad() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String line(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
