package com.caseledger.events;

import java.time.Instant;

/** The instants CaseLedger records and queries: from 1970 to the end of year 9999, which every store can hold. */
public final class StorableTime {

    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private StorableTime() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public static String describe() {
        return "must be between " + EARLIEST + " and " + LATEST;
    }
}
