package com.caseledger.command.cases;

import java.time.Clock;
import java.time.Instant;

/**
 * When a contact happened: now, or the time a client gives when it backfills history. A given time is
 * never in the future and never before the case's latest event, so every case's history stays in order.
 */
final class OccurredAtPolicy {

    private OccurredAtPolicy() {
    }

    static Instant forNewCase(Instant requested, Clock clock) {
        return resolve(requested, null, clock);
    }

    static Instant resolve(Instant requested, Instant latestRecorded, Clock clock) {
        Instant now = clock.instant();
        if (requested == null) {
            return latestRecorded != null && latestRecorded.isAfter(now) ? latestRecorded : now;
        }
        if (requested.isAfter(now)) {
            throw OccurredAtRejected.inTheFuture(requested, now);
        }
        if (latestRecorded != null && requested.isBefore(latestRecorded)) {
            throw OccurredAtRejected.beforeLatestEvent(requested, latestRecorded);
        }
        return requested;
    }
}
