package com.caseledger.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The processor time a measurement used, in this JVM and in the embedded PostgreSQL's processes. On a machine shared
 * with other work, events/s depend on what else runs; the CPU seconds per measurement do much less, so a run under
 * load can still be compared with one on a quiet machine. PostgreSQL's share is read from Linux's {@code /proc} (the
 * server's process and its children, found from {@code postmaster.pid}); elsewhere only the JVM's is given.
 */
final class CpuTime {

    private static final double TICKS_PER_SECOND = 100.0;

    private final Path postmasterPid;

    CpuTime(Path dataDir) {
        this.postmasterPid = dataDir.resolve("postgres").resolve("postmaster.pid");
    }

    /** The CPU seconds used so far: the JVM's and PostgreSQL's (NaN where it cannot be read). */
    record Used(double jvm, double postgres) {

        Used since(Used start) {
            return new Used(jvm - start.jvm, postgres - start.postgres);
        }

        /** The CPU milliseconds each of {@code count} requests used, as a detail: "CPU per command 0.41 + 0.22 ms". */
        String per(double count, String what) {
            return String.format("CPU per %s %.2f ms JVM", what, jvm * 1000 / count) + (Double.isNaN(postgres) ? ""
                    : String.format(" + %.2f ms PostgreSQL", postgres * 1000 / count));
        }

        @Override
        public String toString() {
            return String.format("CPU %.0f s JVM", jvm) + (Double.isNaN(postgres) ? ""
                    : String.format(" + %.0f s PostgreSQL", postgres));
        }
    }

    Used now() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return new Used(jvm, postgresSeconds());
    }

    /** Load average over the last minute, with the machine's cores: how much else was running. */
    static String load() {
        return String.format("load %.1f on %d cores", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private double postgresSeconds() {
        try {
            long server = Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
            long ticks = ticks(server);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                ticks += processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                        .mapToLong(path -> parentOf(path) == server ? ticks(Long.parseLong(path.getFileName().toString())) : 0)
                        .sum();
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long parentOf(Path process) {
        String[] fields = stat(process);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    /** User and system ticks of a process, and of its children that have ended. */
    private static long ticks(long pid) {
        String[] fields = stat(Path.of("/proc", Long.toString(pid)));
        return fields == null ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name (state first), or null if it has ended. */
    private static String[] stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }
}
