package com.caseledger.platform.axon;

import org.axonframework.common.DateTimeUtils;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instant an event was recorded at as the JDBC store keeps it: the text Axon writes
 * ({@link DateTimeUtils#formatInstant}, such as {@code 2026-11-24T04:20:00.123Z}). That shape is read by arithmetic;
 * any other text is read by Axon's parser, with its answer. Axon's parser takes longer than the rest of an event's
 * envelope, and the store's bulk readers (rebuilds, the export, the report as of an instant) meet it once an event.
 */
final class StoredInstants {

    private static final int LENGTH = "2026-11-24T04:20:00.123Z".length();

    private StoredInstants() {
    }

    static Instant parse(String stored) {
        if (stored.length() != LENGTH || stored.charAt(4) != '-' || stored.charAt(7) != '-'
                || stored.charAt(10) != 'T' || stored.charAt(13) != ':' || stored.charAt(16) != ':'
                || stored.charAt(19) != '.' || stored.charAt(23) != 'Z') {
            return DateTimeUtils.parseInstant(stored);
        }
        int year = digits(stored, 0, 4);
        int month = digits(stored, 5, 2);
        int day = digits(stored, 8, 2);
        int hour = digits(stored, 11, 2);
        int minute = digits(stored, 14, 2);
        int second = digits(stored, 17, 2);
        int millis = digits(stored, 20, 3);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || millis < 0) {
            return DateTimeUtils.parseInstant(stored);
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException invalidDate) {
            return DateTimeUtils.parseInstant(stored);
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
    }

    /** The number written by {@code count} digits from {@code from}, or -1 where one of them is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
