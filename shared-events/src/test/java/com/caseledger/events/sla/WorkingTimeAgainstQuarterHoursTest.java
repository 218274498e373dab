package com.caseledger.events.sla;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static com.caseledger.events.sla.Calendars.interval;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the week-at-a-time walk against the plainest count there is: quarter hours one by one, each working when
 * its local date is no holiday and its local time lies in one of that weekday's intervals. The calendar's edges are on
 * quarter hours and away from the hours the clock changes skip or repeat (where an edge has two readings), while a
 * Sunday interval spans those hours, so the weeks of a change are shorter or longer than the others.
 */
class WorkingTimeAgainstQuarterHoursTest {

    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    private static final int QUARTERS = 2 * 366 * 96;

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Asia/Shanghai"})
    void both_directions_agree_with_counting_quarter_hours(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        BusinessCalendar calendar = new BusinessCalendar(zone, Map.of(
                DayOfWeek.MONDAY, List.of(interval("08:00", "12:00"), interval("13:00", "17:45")),
                DayOfWeek.TUESDAY, List.of(interval("08:00", "12:00"), interval("13:00", "17:45")),
                DayOfWeek.WEDNESDAY, List.of(interval("08:15", "16:30")),
                DayOfWeek.THURSDAY, List.of(interval("08:00", "12:00"), interval("13:00", "17:45"), interval("20:00", "24:00")),
                DayOfWeek.FRIDAY, List.of(interval("00:00", "01:00"), interval("08:00", "15:00")),
                DayOfWeek.SATURDAY, List.of(interval("10:00", "14:00")),
                DayOfWeek.SUNDAY, List.of(interval("00:30", "04:00"), interval("06:00", "24:00"))),
                Set.of(LocalDate.parse("2026-04-03"), LocalDate.parse("2026-05-01"), LocalDate.parse("2026-11-03"),
                        LocalDate.parse("2026-11-08"), LocalDate.parse("2026-12-25"), LocalDate.parse("2027-03-28")));

        // workingBefore[i]: working quarter hours among the first i
        int[] workingBefore = new int[QUARTERS + 1];
        for (int i = 0; i < QUARTERS; i++) {
            workingBefore[i + 1] = workingBefore[i] + (isWorking(calendar, quarter(i)) ? 1 : 0);
        }

        Random random = new Random(20260329L);
        for (int run = 0; run < 400; run++) {
            int from = random.nextInt(QUARTERS - 100 * 96);
            int to = from + random.nextInt(random.nextBoolean() ? 96 * 3 : 96 * 100);
            int expected = workingBefore[to] - workingBefore[from];
            assertThat(calendar.workingTime(quarter(from), quarter(to)))
                    .as("%s from %s to %s", zoneId, quarter(from), quarter(to))
                    .isEqualTo(QUARTER.multipliedBy(expected));

            int amount = 1 + random.nextInt(random.nextBoolean() ? 40 : 2000);
            int end = from;
            while (workingBefore[end] - workingBefore[from] < amount) {
                end++;
            }
            assertThat(calendar.addWorkingTime(quarter(from), QUARTER.multipliedBy(amount)))
                    .as("%s: %s quarter hours from %s", zoneId, amount, quarter(from))
                    .isEqualTo(quarter(end));
        }
    }

    private static Instant quarter(int index) {
        return FIRST.plus(QUARTER.multipliedBy(index));
    }

    private static boolean isWorking(BusinessCalendar calendar, Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, calendar.zone());
        if (calendar.holidays().contains(local.toLocalDate())) {
            return false;
        }
        return calendar.workingHours().getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(interval -> !local.toLocalTime().isBefore(interval.from())
                        && (interval.endsAtEndOfDay() || local.toLocalTime().isBefore(interval.to())));
    }
}
