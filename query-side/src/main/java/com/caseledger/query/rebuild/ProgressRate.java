package com.caseledger.query.rebuild;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How fast a processor moves through the store, measured from the positions seen over the last ten seconds (each look
 * at a status is a sample), and how long it will take at that rate to reach the head.
 */
final class ProgressRate {

    private static final long WINDOW_NANOS = 10_000_000_000L;
    private static final long SHORTEST_NANOS = 200_000_000L;

    private record Sample(long nanos, long position) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    synchronized ProjectionStatus.Progress progress(long position, long head) {
        long now = System.nanoTime();
        long done = Math.max(position, 0);
        long total = Math.max(head, done);
        while (samples.size() > 1 && now - samples.peekFirst().nanos() > WINDOW_NANOS
                && now - first(1).nanos() >= SHORTEST_NANOS) {
            samples.pollFirst();
        }
        Sample oldest = samples.peekFirst();
        if (oldest != null && oldest.position() > done) {
            samples.clear();
            oldest = null;
        }
        samples.addLast(new Sample(now, done));
        Double perSecond = null;
        if (oldest != null && now - oldest.nanos() >= SHORTEST_NANOS) {
            perSecond = (done - oldest.position()) * 1e9 / (now - oldest.nanos());
        }
        Long eta;
        if (done >= total) {
            eta = 0L;
        } else if (perSecond == null || perSecond <= 0) {
            eta = null;
        } else {
            eta = (long) Math.ceil((total - done) / perSecond);
        }
        return new ProjectionStatus.Progress(done, total, perSecond == null ? null : Math.round(perSecond), eta);
    }

    private Sample first(int index) {
        return samples.stream().skip(index).findFirst().orElseThrow();
    }
}
