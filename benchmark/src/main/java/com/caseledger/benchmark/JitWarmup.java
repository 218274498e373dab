package com.caseledger.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Warm-up until the JIT compiler has settled. On two cores the compiler takes a core for minutes after a start: a
 * server measured in its first minute is measured mostly compiling. Rounds of load run until a round's compile time
 * falls under {@link #SETTLED} of its wall time, after at least the harness's warm-up and at most {@code maxSeconds}.
 */
final class JitWarmup {

    /** A round is settled when the compiler worked for less than this share of its wall time. */
    static final double SETTLED = 0.05;

    /** One round of load of about {@code seconds}. */
    interface Round {
        void run(long seconds) throws Exception;
    }

    /** What the warm-up took. */
    record Done(long seconds, double lastCompileShare, boolean settled) {

        @Override
        public String toString() {
            return String.format("after %d s of warm-up (%s: the JIT compiler took %.1f%% of the last round)", seconds,
                    settled ? "settled" : "not settled", 100 * lastCompileShare);
        }
    }

    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();

    Done warm(Round round, long minSeconds, long maxSeconds, long roundSeconds) throws Exception {
        long started = System.nanoTime();
        while (true) {
            long roundStart = System.nanoTime();
            long compiledBefore = compiler.getTotalCompilationTime();
            round.run(roundSeconds);
            double share = (compiler.getTotalCompilationTime() - compiledBefore)
                    / (double) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - roundStart);
            long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            if ((elapsed >= minSeconds && share < SETTLED) || elapsed + roundSeconds > maxSeconds) {
                return new Done(elapsed, share, share < SETTLED);
            }
        }
    }
}
