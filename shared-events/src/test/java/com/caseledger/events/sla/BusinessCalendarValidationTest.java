package com.caseledger.events.sla;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.caseledger.events.sla.Calendars.BERLIN;
import static com.caseledger.events.sla.Calendars.interval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which calendars are accepted as the API writes them, and how a refusal names the field at fault. */
class BusinessCalendarValidationTest {

    private static final List<String> NO_HOLIDAYS = List.of();

    private static WorkingInterval.Text hours(String from, String to) {
        return new WorkingInterval.Text(from, to);
    }

    private static Map<String, List<WorkingInterval.Text>> monday(WorkingInterval.Text... intervals) {
        return Map.of("MONDAY", Arrays.asList(intervals));
    }

    private static InvalidCalendar refusal(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidCalendar refused) {
            return refused;
        }
        throw new AssertionError("the calendar was accepted");
    }

    // --- accepted ---

    @Test
    void the_api_example_is_accepted_as_written() {
        BusinessCalendar calendar = BusinessCalendar.parse("Asia/Shanghai",
                Map.of("MONDAY", List.of(hours("09:00", "18:00"))), List.of("2026-10-01"));

        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.workingHours()).containsExactly(
                Map.entry(DayOfWeek.MONDAY, List.of(new WorkingInterval(LocalTime.of(9, 0), LocalTime.of(18, 0)))));
        assertThat(calendar.holidays()).containsExactly(LocalDate.parse("2026-10-01"));
    }

    @Test
    void intervals_are_kept_in_order_of_their_start_whatever_order_they_were_given_in() {
        BusinessCalendar calendar = BusinessCalendar.parse("Europe/Berlin",
                monday(hours("13:00", "18:00"), hours("09:00", "12:00")), NO_HOLIDAYS);
        assertThat(calendar.workingHours().get(DayOfWeek.MONDAY))
                .containsExactly(interval("09:00", "12:00"), interval("13:00", "18:00"));
    }

    @Test
    void intervals_that_touch_do_not_overlap() {
        BusinessCalendar calendar = BusinessCalendar.parse("Europe/Berlin",
                monday(hours("09:00", "12:00"), hours("12:00", "18:00")), NO_HOLIDAYS);
        assertThat(calendar.weeklyWorkingTime()).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void twenty_four_hundred_is_the_end_of_the_day_and_so_is_midnight_as_an_end() {
        BusinessCalendar untilMidnight = BusinessCalendar.parse("Europe/Berlin", monday(hours("20:00", "24:00")), NO_HOLIDAYS);
        BusinessCalendar writtenAsZero = BusinessCalendar.parse("Europe/Berlin", monday(hours("20:00", "00:00")), NO_HOLIDAYS);
        assertThat(untilMidnight.weeklyWorkingTime()).isEqualTo(Duration.ofHours(4));
        assertThat(writtenAsZero).isEqualTo(untilMidnight);
        assertThat(untilMidnight.workingHours().get(DayOfWeek.MONDAY).get(0)).hasToString("20:00-24:00");
    }

    @Test
    void a_whole_day_is_from_00_00_to_24_00() {
        BusinessCalendar calendar = BusinessCalendar.parse("UTC", monday(hours("00:00", "24:00")), NO_HOLIDAYS);
        assertThat(calendar.weeklyWorkingTime()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void days_without_intervals_are_left_out_and_holidays_are_a_set() {
        Map<String, List<WorkingInterval.Text>> hours = Map.of("MONDAY", List.of(hours("09:00", "17:00")), "SUNDAY", List.of());
        BusinessCalendar calendar = BusinessCalendar.parse("Europe/Berlin", hours, List.of("2026-12-25", "2026-12-24", "2026-12-25"));
        assertThat(calendar.workingHours()).containsOnlyKeys(DayOfWeek.MONDAY);
        assertThat(calendar.holidays()).containsExactly(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"));
    }

    @Test
    void absent_holidays_are_none() {
        assertThat(BusinessCalendar.parse("Europe/Berlin", monday(hours("09:00", "17:00")), null).holidays()).isEmpty();
    }

    @Test
    void a_parsed_calendar_equals_the_same_calendar_built_from_values() {
        BusinessCalendar built = new BusinessCalendar(BERLIN, Map.of(DayOfWeek.MONDAY, List.of(interval("09:00", "17:00"))),
                Set.of(LocalDate.parse("2026-12-25")));
        assertThat(BusinessCalendar.parse("Europe/Berlin", monday(hours("09:00", "17:00")), List.of("2026-12-25"))).isEqualTo(built);
    }

    @Test
    void a_calendar_cannot_be_changed_after_it_is_built() {
        BusinessCalendar calendar = BusinessCalendar.parse("Europe/Berlin", monday(hours("09:00", "17:00")), NO_HOLIDAYS);
        assertThatThrownBy(() -> calendar.holidays().add(LocalDate.parse("2026-12-25"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> calendar.workingHours().get(DayOfWeek.MONDAY).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // --- working hours refused ---

    @Test
    void overlapping_intervals_are_refused_naming_both() {
        InvalidCalendar refused = refusal(() -> BusinessCalendar.parse("Europe/Berlin",
                monday(hours("09:00", "12:00"), hours("11:00", "14:00")), NO_HOLIDAYS));
        assertThat(refused.field()).isEqualTo("workingHours.MONDAY[1]");
        assertThat(refused).hasMessage("workingHours.MONDAY[1] 11:00-14:00 overlaps workingHours.MONDAY[0] 09:00-12:00");
    }

    @Test
    void an_overlap_names_the_interval_given_later_even_when_it_starts_earlier() {
        InvalidCalendar refused = refusal(() -> BusinessCalendar.parse("Europe/Berlin",
                monday(hours("13:00", "18:00"), hours("15:00", "16:00"), hours("09:00", "13:30")), NO_HOLIDAYS));
        assertThat(refused.field()).isEqualTo("workingHours.MONDAY[2]");
        assertThat(refused.reason()).isEqualTo("09:00-13:30 overlaps workingHours.MONDAY[0] 13:00-18:00");
    }

    @Test
    void an_interval_inside_another_is_an_overlap() {
        InvalidCalendar refused = refusal(() -> BusinessCalendar.parse("Europe/Berlin",
                Map.of("FRIDAY", List.of(hours("00:00", "24:00"), hours("10:00", "11:00"))), NO_HOLIDAYS));
        assertThat(refused.field()).isEqualTo("workingHours.FRIDAY[1]");
    }

    @Test
    void a_reversed_interval_is_refused() {
        InvalidCalendar refused = refusal(() -> BusinessCalendar.parse("Europe/Berlin",
                monday(hours("09:00", "12:00"), hours("18:00", "13:00")), NO_HOLIDAYS));
        assertThat(refused.field()).isEqualTo("workingHours.MONDAY[1]");
        assertThat(refused.reason()).isEqualTo("ends before it starts: 18:00-13:00");
    }

    @Test
    void an_empty_interval_is_refused() {
        InvalidCalendar refused = refusal(() -> BusinessCalendar.parse("Europe/Berlin", monday(hours("09:00", "09:00")), NO_HOLIDAYS));
        assertThat(refused.field()).isEqualTo("workingHours.MONDAY[0]");
        assertThat(refused.reason()).startsWith("is empty");
    }

    @Test
    void twenty_four_hundred_is_refused_as_a_start() {
        InvalidCalendar refused = refusal(() -> BusinessCalendar.parse("Europe/Berlin", monday(hours("24:00", "24:00")), NO_HOLIDAYS));
        assertThat(refused.field()).isEqualTo("workingHours.MONDAY[0].from");
    }

    @ParameterizedTest
    @ValueSource(strings = {"25:00", "9am", "9:00", "", "18:60"})
    void an_end_that_is_not_a_time_of_day_is_refused(String to) {
        InvalidCalendar refused = refusal(() -> BusinessCalendar.parse("Europe/Berlin",
                Map.of("TUESDAY", List.of(hours("08:00", "12:00"), hours("13:00", to))), NO_HOLIDAYS));
        assertThat(refused.field()).isEqualTo("workingHours.TUESDAY[1].to");
        assertThat(refused.reason()).isEqualTo("is not a time of day (HH:mm, or 24:00): " + to);
    }

    @Test
    void a_missing_start_is_refused() {
        InvalidCalendar refused = refusal(() -> BusinessCalendar.parse("Europe/Berlin", monday(hours(null, "12:00")), NO_HOLIDAYS));
        assertThat(refused.field()).isEqualTo("workingHours.MONDAY[0].from");
        assertThat(refused.reason()).isEqualTo("is required");
    }

    @Test
    void a_missing_interval_is_refused() {
        InvalidCalendar refused = refusal(() -> BusinessCalendar.parse("Europe/Berlin",
                monday(hours("09:00", "12:00"), null), NO_HOLIDAYS));
        assertThat(refused.field()).isEqualTo("workingHours.MONDAY[1]");
    }

    @Test
    void a_day_without_a_list_is_refused() {
        Map<String, List<WorkingInterval.Text>> hours = new HashMap<>();
        hours.put("MONDAY", null);
        assertThat(refusal(() -> BusinessCalendar.parse("Europe/Berlin", hours, NO_HOLIDAYS)).field()).isEqualTo("workingHours.MONDAY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FUNDAY", "monday", "MON"})
    void a_day_that_is_not_a_day_of_the_week_is_refused(String day) {
        InvalidCalendar refused = refusal(() -> BusinessCalendar.parse("Europe/Berlin",
                Map.of(day, List.of(hours("09:00", "12:00"))), NO_HOLIDAYS));
        assertThat(refused.field()).isEqualTo("workingHours." + day);
        assertThat(refused.reason()).isEqualTo("is not a day of the week (MONDAY..SUNDAY)");
    }

    @Test
    void a_calendar_without_working_hours_is_refused() {
        assertThat(refusal(() -> BusinessCalendar.parse("Europe/Berlin", null, NO_HOLIDAYS)).field()).isEqualTo("workingHours");
    }

    @Test
    void a_calendar_with_no_working_time_on_any_day_is_refused() {
        InvalidCalendar noDays = refusal(() -> BusinessCalendar.parse("Europe/Berlin", Map.of(), NO_HOLIDAYS));
        InvalidCalendar onlyEmptyDays = refusal(() -> BusinessCalendar.parse("Europe/Berlin",
                Map.of("MONDAY", List.of(), "TUESDAY", List.of()), NO_HOLIDAYS));
        assertThat(noDays.field()).isEqualTo("workingHours");
        assertThat(noDays.reason()).isEqualTo("has no working time on any day of the week");
        assertThat(onlyEmptyDays.field()).isEqualTo("workingHours");
    }

    @Test
    void overlaps_are_refused_in_a_calendar_built_from_values_too() {
        assertThatThrownBy(() -> new BusinessCalendar(BERLIN,
                Map.of(DayOfWeek.WEDNESDAY, List.of(interval("09:00", "12:00"), interval("10:00", "11:00"))), Set.of()))
                .isInstanceOf(InvalidCalendar.class)
                .hasMessageStartingWith("workingHours.WEDNESDAY[1] ");
    }

    @Test
    void an_interval_built_from_values_refuses_to_end_before_it_starts() {
        assertThatThrownBy(() -> new WorkingInterval(LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOf(InvalidCalendar.class)
                .hasMessage("ends before it starts: 18:00-09:00");
    }

    // --- zone refused ---

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "Europe/Berlinn", "+25:00", "CEST!"})
    void an_unknown_zone_is_refused(String zone) {
        InvalidCalendar refused = refusal(() -> BusinessCalendar.parse(zone, monday(hours("09:00", "12:00")), NO_HOLIDAYS));
        assertThat(refused.field()).isEqualTo("zone");
        assertThat(refused).hasMessage("zone is not a known time zone (such as Europe/Berlin): " + zone);
    }

    @Test
    void a_missing_zone_is_refused() {
        assertThat(refusal(() -> BusinessCalendar.parse(null, monday(hours("09:00", "12:00")), NO_HOLIDAYS)))
                .hasMessage("zone is required");
    }

    // --- holidays refused ---

    @Test
    void a_holiday_that_is_not_a_date_is_refused_naming_its_position() {
        InvalidCalendar refused = refusal(() -> BusinessCalendar.parse("Asia/Shanghai", monday(hours("09:00", "18:00")),
                List.of("2026-10-01", "2026-10-02", "October 3rd")));
        assertThat(refused.field()).isEqualTo("holidays[2]");
        assertThat(refused).hasMessage("holidays[2] is not a date (YYYY-MM-DD): October 3rd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026-13-01", "01.10.2026", "2026-10-01T00:00"})
    void a_holiday_that_is_no_real_date_is_refused(String holiday) {
        assertThat(refusal(() -> BusinessCalendar.parse("Asia/Shanghai", monday(hours("09:00", "18:00")), List.of(holiday))).field())
                .isEqualTo("holidays[0]");
    }

    @Test
    void a_missing_holiday_is_refused() {
        assertThat(refusal(() -> BusinessCalendar.parse("Asia/Shanghai", monday(hours("09:00", "18:00")),
                Arrays.asList("2026-10-01", null))).field()).isEqualTo("holidays[1]");
    }
}
