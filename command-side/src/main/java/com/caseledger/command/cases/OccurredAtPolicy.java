package com.caseledger.command.cases;

import com.caseledger.command.casework.OccurredAtRejected;
import com.caseledger.events.StorableTime;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a contact happened: now, or the time a client gives when it backfills history. A given time is
 * never in the future and never before the case's latest event, so every case's history stays in order.
 * Times are kept to the microsecond, the precision PostgreSQL stores.
 */
final class OccurredAtPolicy {

    private OccurredAtPolicy() {
    }

    static Instant forNewCase(Instant requested, Clock clock) {
        return resolve(requested, null, clock);
    }

    static Instant resolve(Instant requestedAt, Instant latestRecorded, Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant requested = requestedAt == null ? null : requestedAt.truncatedTo(ChronoUnit.MICROS);
        if (requested == null) {
            return latestRecorded != null && latestRecorded.isAfter(now) ? latestRecorded : now;
        }
        if (requested.isBefore(StorableTime.EARLIEST)) {
            throw OccurredAtRejected.outOfRange(requested);
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
