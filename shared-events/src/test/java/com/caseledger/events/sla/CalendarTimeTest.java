package com.caseledger.events.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Round-the-clock counting: a policy without a calendar counts nights, weekends and clock changes alike. */
class CalendarTimeTest {

    private final WorkingClock clock = WorkingClock.calendarTime();

    @Test
    void every_instant_counts_over_a_weekend() {
        // Fri 6 Mar 2026 16:00 UTC to Mon 9 Mar 10:00 UTC: 66h
        assertThat(clock.workingTime(Instant.parse("2026-03-06T16:00:00Z"), Instant.parse("2026-03-09T10:00:00Z")))
                .isEqualTo(Duration.ofHours(66));
        assertThat(clock.addWorkingTime(Instant.parse("2026-03-06T16:00:00Z"), Duration.ofHours(66)))
                .isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
    }

    @Test
    void nothing_is_due_where_it_starts() {
        Instant start = Instant.parse("2026-03-07T11:00:00Z");
        assertThat(clock.addWorkingTime(start, Duration.ZERO)).isEqualTo(start);
        assertThat(clock.workingTime(start, start)).isZero();
    }

    @Test
    void it_refuses_the_same_mistakes_as_a_business_calendar() {
        Instant start = Instant.parse("2026-03-07T11:00:00Z");
        assertThatThrownBy(() -> clock.workingTime(start, start.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.addWorkingTime(start, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.addWorkingTime(Instant.parse("9999-12-31T00:00:00Z"), Duration.ofDays(2)))
                .isInstanceOf(ArithmeticException.class);
    }
}
