package com.caseledger.platform.axon;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads an instant written in ISO-8601 in UTC, as {@link Instant#toString()} and Axon write it
 * ({@code 2026-11-24T04:20:00Z}, with none or up to nine digits of a second's fraction), by arithmetic. The JDK's
 * formatter takes longer than the rest of an event, and the store's bulk readers meet several instants an event.
 * Any other text answers null, for the caller's own parser to read or refuse.
 */
public final class IsoInstants {

    private static final int SECONDS_END = "2026-11-24T04:20:00".length();

    private IsoInstants() {
    }

    /** The instant {@code text} writes in that shape, or null where it is written otherwise or names no instant. */
    public static Instant parseUtc(CharSequence text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || length > SECONDS_END + 11 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (length > SECONDS_END + 1) {
            int fractionDigits = length - SECONDS_END - 2;
            if (text.charAt(SECONDS_END) != '.' || fractionDigits < 1) {
                return null;
            }
            nanos = digits(text, SECONDS_END + 1, fractionDigits);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDay) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written by {@code count} digits from {@code from}, or -1 where one of them is not a digit. */
    private static int digits(CharSequence text, int from, int count) {
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
