package com.caseledger.platform.axon;

import org.axonframework.common.DateTimeUtils;

import java.time.Instant;

/**
 * Reads the instant an event was recorded at as the JDBC store keeps it: the text Axon writes
 * ({@link DateTimeUtils#formatInstant}, such as {@code 2026-11-24T04:20:00.123Z}). That shape is read by arithmetic
 * ({@link IsoInstants}); any other text is read by Axon's parser, with its answer. The store's bulk readers (rebuilds,
 * the export, the report as of an instant) meet it once an event.
 */
final class StoredInstants {

    private StoredInstants() {
    }

    static Instant parse(String stored) {
        Instant instant = IsoInstants.parseUtc(stored);
        return instant != null ? instant : DateTimeUtils.parseInstant(stored);
    }
}
