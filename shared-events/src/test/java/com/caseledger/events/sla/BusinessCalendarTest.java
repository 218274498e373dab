package com.caseledger.events.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.caseledger.events.sla.Calendars.BERLIN;
import static com.caseledger.events.sla.Calendars.BERLIN_OFFICE;
import static com.caseledger.events.sla.Calendars.NEW_YORK;
import static com.caseledger.events.sla.Calendars.NEW_YORK_OFFICE;
import static com.caseledger.events.sla.Calendars.SHANGHAI;
import static com.caseledger.events.sla.Calendars.SHANGHAI_OFFICE;
import static com.caseledger.events.sla.Calendars.at;
import static com.caseledger.events.sla.Calendars.berlin;
import static com.caseledger.events.sla.Calendars.everyDay;
import static com.caseledger.events.sla.Calendars.interval;
import static com.caseledger.events.sla.Calendars.sundaysOnly;
import static com.caseledger.events.sla.Calendars.weekdays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Working time under a business calendar, every figure worked out by hand. Unless a test says otherwise the
 * calendar is the Berlin office: Monday to Friday 09:00-12:00 and 13:00-18:00. 2 March 2026 is a Monday.
 */
class BusinessCalendarTest {

    private static Duration hours(double hours) {
        return Duration.ofMinutes(Math.round(hours * 60));
    }

    // --- nights ---

    @Test
    void working_time_stops_overnight() {
        // Mon 17:00-18:00 (1h) + Tue 09:00-10:00 (1h)
        assertThat(BERLIN_OFFICE.workingTime(berlin("2026-03-02T17:00"), berlin("2026-03-03T10:00"))).isEqualTo(hours(2));
    }

    @Test
    void a_due_instant_carries_over_the_night() {
        // Mon 16:30-18:00 uses 1.5h; the other 1.5h from Tue 09:00
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-02T16:30"), hours(3))).isEqualTo(berlin("2026-03-03T10:30"));
    }

    @Test
    void a_night_holds_no_working_time() {
        assertThat(BERLIN_OFFICE.workingTime(berlin("2026-03-02T18:00"), berlin("2026-03-03T09:00"))).isZero();
    }

    // --- weekends ---

    @Test
    void working_time_skips_the_weekend() {
        // Fri 6 March 16:00-18:00 (2h) + Mon 9 March 09:00-10:00 (1h)
        assertThat(BERLIN_OFFICE.workingTime(berlin("2026-03-06T16:00"), berlin("2026-03-09T10:00"))).isEqualTo(hours(3));
    }

    @Test
    void a_due_instant_carries_over_the_weekend() {
        // Fri 16:00-18:00 uses 2h; Mon 09:00-11:00 the other 2h
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-06T16:00"), hours(4))).isEqualTo(berlin("2026-03-09T11:00"));
    }

    @Test
    void time_started_on_a_saturday_counts_from_monday_morning() {
        assertThat(BERLIN_OFFICE.workingTime(berlin("2026-03-07T11:00"), berlin("2026-03-08T23:00"))).isZero();
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-07T11:00"), hours(1))).isEqualTo(berlin("2026-03-09T10:00"));
    }

    // --- two intervals in a day ---

    @Test
    void the_lunch_break_does_not_count() {
        // 11:00-12:00 (1h) + 13:00-14:00 (1h)
        assertThat(BERLIN_OFFICE.workingTime(berlin("2026-03-02T11:00"), berlin("2026-03-02T14:00"))).isEqualTo(hours(2));
        assertThat(BERLIN_OFFICE.workingTime(berlin("2026-03-02T12:00"), berlin("2026-03-02T13:00"))).isZero();
    }

    @Test
    void a_due_instant_carries_over_the_lunch_break() {
        // 11:00-12:00 uses 1h, the second hour from 13:00
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-02T11:00"), hours(2))).isEqualTo(berlin("2026-03-02T14:00"));
    }

    @Test
    void time_started_during_lunch_counts_from_the_afternoon_interval() {
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-02T12:15"), hours(0.5))).isEqualTo(berlin("2026-03-02T13:30"));
    }

    @Test
    void a_full_day_holds_both_intervals() {
        // 3h + 5h
        assertThat(BERLIN_OFFICE.workingTime(berlin("2026-03-02T00:00"), berlin("2026-03-03T00:00"))).isEqualTo(hours(8));
    }

    // --- edges ---

    @Test
    void a_target_used_up_at_an_interval_end_is_due_at_that_end_not_at_the_next_start() {
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-02T09:00"), hours(3))).isEqualTo(berlin("2026-03-02T12:00"));
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-02T09:00"), hours(8))).isEqualTo(berlin("2026-03-02T18:00"));
        // Friday's last minute: due Friday 18:00, not Monday 09:00
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-06T17:00"), hours(1))).isEqualTo(berlin("2026-03-06T18:00"));
    }

    @Test
    void one_second_more_than_an_interval_holds_is_due_one_second_into_the_next_interval() {
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-02T09:00"), hours(3).plusSeconds(1)))
                .isEqualTo(berlin("2026-03-02T13:00:01"));
    }

    @Test
    void time_started_exactly_at_an_interval_end_counts_from_the_next_interval() {
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-02T12:00"), hours(1))).isEqualTo(berlin("2026-03-02T14:00"));
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-02T18:00"), hours(1))).isEqualTo(berlin("2026-03-03T10:00"));
    }

    @Test
    void time_started_exactly_at_an_interval_start_counts_at_once() {
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-02T13:00"), hours(1))).isEqualTo(berlin("2026-03-02T14:00"));
        assertThat(BERLIN_OFFICE.workingTime(berlin("2026-03-02T09:00"), berlin("2026-03-02T09:00:01")))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void an_interval_counts_from_its_start_to_its_end_exactly() {
        assertThat(BERLIN_OFFICE.workingTime(berlin("2026-03-02T09:00"), berlin("2026-03-02T12:00"))).isEqualTo(hours(3));
        assertThat(BERLIN_OFFICE.workingTime(berlin("2026-03-02T08:59"), berlin("2026-03-02T12:01"))).isEqualTo(hours(3));
    }

    @Test
    void no_working_time_is_due_where_it_starts_even_outside_working_hours() {
        Instant saturday = berlin("2026-03-07T11:00");
        assertThat(BERLIN_OFFICE.addWorkingTime(saturday, Duration.ZERO)).isEqualTo(saturday);
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-02T12:00"), Duration.ZERO)).isEqualTo(berlin("2026-03-02T12:00"));
    }

    @Test
    void no_time_passes_between_an_instant_and_itself() {
        assertThat(BERLIN_OFFICE.workingTime(berlin("2026-03-02T10:00"), berlin("2026-03-02T10:00"))).isZero();
    }

    @Test
    void an_interval_to_the_end_of_the_day_runs_into_the_next_days_interval_from_midnight() {
        // Monday 20:00-24:00 and Tuesday 00:00-04:00 make one night shift of 8h
        BusinessCalendar nights = new BusinessCalendar(BERLIN, Map.of(
                DayOfWeek.MONDAY, List.of(interval("20:00", "24:00")),
                DayOfWeek.TUESDAY, List.of(interval("00:00", "04:00"))), Set.of());
        assertThat(nights.workingTime(berlin("2026-03-02T12:00"), berlin("2026-03-03T12:00"))).isEqualTo(hours(8));
        // 4h to midnight, 2h after it
        assertThat(nights.addWorkingTime(berlin("2026-03-02T20:00"), hours(6))).isEqualTo(berlin("2026-03-03T02:00"));
        assertThat(nights.addWorkingTime(berlin("2026-03-02T20:00"), hours(4))).isEqualTo(berlin("2026-03-03T00:00"));
    }

    // --- holidays (Shanghai: weekdays 09:00-18:00, +08:00 all year, closed 1-7 October 2026) ---

    @Test
    void holidays_hold_no_working_time() {
        // Wed 30 Sep 17:00-18:00 (1h); Thu 1 to Wed 7 Oct closed; Thu 8 Oct 09:00-10:00 (1h)
        assertThat(SHANGHAI_OFFICE.workingTime(at(SHANGHAI, "2026-09-30T17:00"), at(SHANGHAI, "2026-10-08T10:00")))
                .isEqualTo(hours(2));
    }

    @Test
    void a_due_instant_carries_over_a_holiday_week() {
        // Wed 30 Sep 12:00-18:00 uses 6h; the other 3h on Thu 8 Oct 09:00-12:00, which is 04:00 UTC
        assertThat(SHANGHAI_OFFICE.addWorkingTime(at(SHANGHAI, "2026-09-30T12:00"), hours(9)))
                .isEqualTo(Instant.parse("2026-10-08T04:00:00Z"));
    }

    @Test
    void a_holiday_is_a_whole_local_date_of_the_calendars_zone() {
        // round the clock, closed on 1 Oct: 30 Sep 12:00-16:00 UTC is 30 Sep 20:00-24:00 in Shanghai (4h);
        // 16:00 UTC begins 1 Oct there, so the rest of the UTC day does not count
        BusinessCalendar roundTheClock = new BusinessCalendar(SHANGHAI,
                everyDay(SHANGHAI, interval("00:00", "24:00")).workingHours(), Set.of(LocalDate.parse("2026-10-01")));
        assertThat(roundTheClock.workingTime(Instant.parse("2026-09-30T12:00:00Z"), Instant.parse("2026-10-01T12:00:00Z")))
                .isEqualTo(hours(4));
        // and it counts again from 2 Oct 00:00 in Shanghai, 1 Oct 16:00 UTC
        assertThat(roundTheClock.addWorkingTime(Instant.parse("2026-09-30T12:00:00Z"), hours(5)))
                .isEqualTo(Instant.parse("2026-10-01T17:00:00Z"));
    }

    @Test
    void a_holiday_on_a_day_without_working_hours_changes_nothing() {
        BusinessCalendar withSaturdayHoliday = weekdays(BERLIN, Set.of(LocalDate.parse("2026-03-07")),
                interval("09:00", "12:00"), interval("13:00", "18:00"));
        assertThat(withSaturdayHoliday.addWorkingTime(berlin("2026-03-06T16:00"), hours(4)))
                .isEqualTo(BERLIN_OFFICE.addWorkingTime(berlin("2026-03-06T16:00"), hours(4)));
    }

    // --- spans of several weeks ---

    @Test
    void two_full_weeks_of_working_time_are_due_at_the_end_of_the_second_friday() {
        // Mon 6 Apr to Fri 10 Apr: 40h, Mon 13 Apr to Fri 17 Apr: 40h; Fri 17 Apr 18:00 CEST is 16:00 UTC
        assertThat(BERLIN_OFFICE.addWorkingTime(berlin("2026-04-06T09:00"), hours(80)))
                .isEqualTo(Instant.parse("2026-04-17T16:00:00Z"));
    }

    @Test
    void a_due_instant_a_month_away_passes_weeks_and_a_holiday_week() {
        // from Mon 7 Sep 09:00, 45h a week: 7-11 Sep 45h, 14-18 Sep 90h, 21-25 Sep 135h, 28-30 Sep 162h,
        // 1-7 Oct closed, Thu 8 Oct 171h, Fri 9 Oct 180h, Mon 12 Oct 189h, Tue 13 Oct 198h, Wed 14 Oct 09:00-11:00 200h
        Instant start = at(SHANGHAI, "2026-09-07T09:00");
        Instant due = SHANGHAI_OFFICE.addWorkingTime(start, hours(200));
        assertThat(due).isEqualTo(at(SHANGHAI, "2026-10-14T11:00"));
        assertThat(SHANGHAI_OFFICE.workingTime(start, due)).isEqualTo(hours(200));
    }

    @Test
    void a_year_of_working_time_counts_every_week_across_both_clock_changes() {
        // Mon 5 Jan 2026 to Mon 4 Jan 2027 is 52 weeks of 40h; the clocks change on Sundays, outside working hours
        assertThat(BERLIN_OFFICE.workingTime(berlin("2026-01-05T00:00"), berlin("2027-01-04T00:00"))).isEqualTo(hours(52 * 40));
        // with Christmas Day (a Friday) off, 8h less; 26 December is a Saturday and 1 January outside the span
        BusinessCalendar withHolidays = weekdays(BERLIN,
                Set.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26")),
                interval("09:00", "12:00"), interval("13:00", "18:00"));
        assertThat(withHolidays.workingTime(berlin("2026-01-05T00:00"), berlin("2027-01-04T00:00"))).isEqualTo(hours(52 * 40 - 8));
        assertThat(withHolidays.addWorkingTime(berlin("2026-01-05T00:00"), hours(52 * 40 - 8))).isEqualTo(berlin("2027-01-01T18:00"));
    }

    @Test
    void a_weekly_total_is_the_sum_of_the_intervals() {
        assertThat(BERLIN_OFFICE.weeklyWorkingTime()).isEqualTo(hours(40));
        assertThat(SHANGHAI_OFFICE.weeklyWorkingTime()).isEqualTo(hours(45));
    }

    // --- daylight saving time (Berlin: 29 Mar 2026 02:00 CET -> 03:00 CEST; 25 Oct 2026 03:00 CEST -> 02:00 CET) ---

    @Test
    void the_day_the_clocks_go_forward_has_23_working_hours_round_the_clock() {
        BusinessCalendar roundTheClock = everyDay(BERLIN, interval("00:00", "24:00"));
        // 29 Mar 00:00 CET = 28 Mar 23:00 UTC; 30 Mar 00:00 CEST = 29 Mar 22:00 UTC
        assertThat(roundTheClock.workingTime(Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z")))
                .isEqualTo(hours(23));
    }

    @Test
    void the_day_the_clocks_go_back_has_25_working_hours_round_the_clock() {
        BusinessCalendar roundTheClock = everyDay(BERLIN, interval("00:00", "24:00"));
        // 25 Oct 00:00 CEST = 24 Oct 22:00 UTC; 26 Oct 00:00 CET = 25 Oct 23:00 UTC
        assertThat(roundTheClock.workingTime(Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T23:00:00Z")))
                .isEqualTo(hours(25));
        assertThat(roundTheClock.addWorkingTime(Instant.parse("2026-10-24T22:00:00Z"), hours(25)))
                .isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
    }

    @Test
    void local_times_that_do_not_exist_add_no_working_time() {
        // Sunday 01:00-04:00: 01:00 CET (00:00 UTC) to 04:00 CEST (02:00 UTC) is 2h, not 3h
        BusinessCalendar sundayNight = sundaysOnly(BERLIN, interval("01:00", "04:00"));
        assertThat(sundayNight.workingTime(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(hours(2));
        // 1.5h after 01:00 CET is 01:30 UTC, which the clocks show as 03:30 CEST
        assertThat(sundayNight.addWorkingTime(Instant.parse("2026-03-29T00:00:00Z"), hours(1.5)))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        // the Sunday before, an ordinary one, has all 3h
        assertThat(sundayNight.workingTime(berlin("2026-03-22T00:00"), berlin("2026-03-23T00:00"))).isEqualTo(hours(3));
    }

    @Test
    void an_interval_starting_at_a_time_that_does_not_exist_starts_when_the_clocks_have_gone_forward() {
        // Sunday 02:30-04:00: on 29 Mar it runs 03:00 CEST (01:00 UTC) to 04:00 CEST (02:00 UTC)
        BusinessCalendar sundayNight = sundaysOnly(BERLIN, interval("02:30", "04:00"));
        assertThat(sundayNight.workingTime(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(hours(1));
        assertThat(sundayNight.addWorkingTime(Instant.parse("2026-03-28T12:00:00Z"), hours(0.5)))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void the_hour_lived_twice_is_worked_twice_inside_an_interval() {
        // Sunday 01:00-04:00 on 25 Oct: 01:00 CEST (24 Oct 23:00 UTC) to 04:00 CET (03:00 UTC) is 4h
        BusinessCalendar sundayNight = sundaysOnly(BERLIN, interval("01:00", "04:00"));
        assertThat(sundayNight.workingTime(Instant.parse("2026-10-24T12:00:00Z"), Instant.parse("2026-10-25T12:00:00Z")))
                .isEqualTo(hours(4));
        // 3h after 01:00 CEST is 02:00 UTC: 03:00 CET
        assertThat(sundayNight.addWorkingTime(Instant.parse("2026-10-24T23:00:00Z"), hours(3)))
                .isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void an_interval_whose_edges_fall_in_the_repeated_hour_counts_once() {
        // Sunday 02:00-02:30 on 25 Oct: the first 02:00-02:30 (CEST, 00:00-00:30 UTC) counts, the second (CET) does not
        BusinessCalendar shortShift = sundaysOnly(BERLIN, interval("02:00", "02:30"));
        assertThat(shortShift.workingTime(Instant.parse("2026-10-24T12:00:00Z"), Instant.parse("2026-10-25T12:00:00Z")))
                .isEqualTo(hours(0.5));
        assertThat(shortShift.workingTime(Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-10-25T01:30:00Z")))
                .isZero();
        assertThat(shortShift.addWorkingTime(Instant.parse("2026-10-24T12:00:00Z"), hours(0.5)))
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void office_hours_keep_their_local_times_across_the_spring_change() {
        // Fri 27 Mar 17:00 CET (16:00 UTC) + 1h Friday + 1h Monday = Mon 30 Mar 10:00 CEST (08:00 UTC)
        assertThat(BERLIN_OFFICE.addWorkingTime(Instant.parse("2026-03-27T16:00:00Z"), hours(2)))
                .isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(BERLIN_OFFICE.workingTime(Instant.parse("2026-03-27T16:00:00Z"), Instant.parse("2026-03-30T08:00:00Z")))
                .isEqualTo(hours(2));
    }

    @Test
    void office_hours_keep_their_local_times_across_the_autumn_change() {
        // Fri 23 Oct 17:00 CEST (15:00 UTC) + 1h Friday + 1h Monday = Mon 26 Oct 10:00 CET (09:00 UTC)
        assertThat(BERLIN_OFFICE.addWorkingTime(Instant.parse("2026-10-23T15:00:00Z"), hours(2)))
                .isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
    }

    // --- New York (8 Mar 2026 02:00 EST -> 03:00 EDT; 1 Nov 2026 02:00 EDT -> 01:00 EST), weekdays 09:00-17:00 ---

    @Test
    void new_york_office_hours_keep_their_local_times_across_both_changes() {
        // Fri 6 Mar 16:00 EST (21:00 UTC): 1h Friday, 2h Monday 9 Mar to 11:00 EDT (15:00 UTC)
        assertThat(NEW_YORK_OFFICE.addWorkingTime(Instant.parse("2026-03-06T21:00:00Z"), hours(3)))
                .isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
        // Fri 30 Oct 16:00 EDT (20:00 UTC): 1h Friday, 2h Monday 2 Nov to 11:00 EST (16:00 UTC)
        assertThat(NEW_YORK_OFFICE.addWorkingTime(Instant.parse("2026-10-30T20:00:00Z"), hours(3)))
                .isEqualTo(Instant.parse("2026-11-02T16:00:00Z"));
        assertThat(NEW_YORK_OFFICE.workingTime(Instant.parse("2026-10-30T20:00:00Z"), Instant.parse("2026-11-02T16:00:00Z")))
                .isEqualTo(hours(3));
    }

    @Test
    void new_york_days_of_the_changes_have_23_and_25_hours_round_the_clock() {
        BusinessCalendar roundTheClock = everyDay(NEW_YORK, interval("00:00", "24:00"));
        assertThat(roundTheClock.workingTime(at(NEW_YORK, "2026-03-08T00:00"), at(NEW_YORK, "2026-03-09T00:00"))).isEqualTo(hours(23));
        assertThat(roundTheClock.workingTime(at(NEW_YORK, "2026-11-01T00:00"), at(NEW_YORK, "2026-11-02T00:00"))).isEqualTo(hours(25));
    }

    // --- arguments ---

    @Test
    void working_time_backwards_is_refused() {
        assertThatThrownBy(() -> BERLIN_OFFICE.workingTime(berlin("2026-03-03T10:00"), berlin("2026-03-02T10:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the start");
    }

    @Test
    void a_negative_amount_of_working_time_is_refused() {
        assertThatThrownBy(() -> BERLIN_OFFICE.addWorkingTime(berlin("2026-03-02T10:00"), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void working_time_that_would_end_after_the_storable_range_is_refused() {
        assertThatThrownBy(() -> BERLIN_OFFICE.addWorkingTime(Instant.parse("9999-12-01T00:00:00Z"), hours(1000)))
                .isInstanceOf(ArithmeticException.class);
    }
}
