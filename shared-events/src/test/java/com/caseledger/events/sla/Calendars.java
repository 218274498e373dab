package com.caseledger.events.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The calendars the working-time tests share, and a way to write instants in a zone's local time. */
final class Calendars {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Monday to Friday 09:00-12:00 and 13:00-18:00: 8 hours a day, 40 a week. */
    static final BusinessCalendar BERLIN_OFFICE = weekdays(BERLIN, Set.of(), interval("09:00", "12:00"), interval("13:00", "18:00"));

    /** Monday to Friday 09:00-17:00: 8 hours a day. */
    static final BusinessCalendar NEW_YORK_OFFICE = weekdays(NEW_YORK, Set.of(), interval("09:00", "17:00"));

    /** Monday to Friday 09:00-18:00 (9 hours a day, 45 a week), closed for the National Day week 1-7 October 2026. */
    static final BusinessCalendar SHANGHAI_OFFICE = weekdays(SHANGHAI,
            Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-03"),
                    LocalDate.parse("2026-10-04"), LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-06"),
                    LocalDate.parse("2026-10-07")),
            interval("09:00", "18:00"));

    private Calendars() {
    }

    static WorkingInterval interval(String from, String to) {
        return WorkingInterval.parse(new WorkingInterval.Text(from, to));
    }

    static BusinessCalendar weekdays(ZoneId zone, Set<LocalDate> holidays, WorkingInterval... intervals) {
        Map<DayOfWeek, List<WorkingInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(intervals));
        }
        return new BusinessCalendar(zone, hours, holidays);
    }

    static BusinessCalendar everyDay(ZoneId zone, WorkingInterval... intervals) {
        Map<DayOfWeek, List<WorkingInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(intervals));
        }
        return new BusinessCalendar(zone, hours, Set.of());
    }

    static BusinessCalendar sundaysOnly(ZoneId zone, WorkingInterval interval) {
        return new BusinessCalendar(zone, Map.of(DayOfWeek.SUNDAY, List.of(interval)), Set.of());
    }

    /** An instant written as the local time of a zone; in an overlap, the earlier of the two. */
    static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Instant berlin(String localDateTime) {
        return at(BERLIN, localDateTime);
    }

    static LocalTime time(String text) {
        return LocalTime.parse(text);
    }
}
