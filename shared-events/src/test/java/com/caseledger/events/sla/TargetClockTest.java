package com.caseledger.events.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.caseledger.events.sla.Calendars.BERLIN_OFFICE;
import static com.caseledger.events.sla.Calendars.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An SLA target's clock, which stops while a case is PENDING. Berlin office hours (weekdays 09:00-12:00 and
 * 13:00-18:00) unless a test says otherwise; 2 March 2026 is a Monday.
 */
class TargetClockTest {

    private final TargetClock office = new TargetClock(BERLIN_OFFICE);
    private final TargetClock roundTheClock = new TargetClock(WorkingClock.calendarTime());

    private static RunningPeriod between(String start, String end) {
        return RunningPeriod.between(berlin(start), berlin(end));
    }

    private static RunningPeriod since(String start) {
        return RunningPeriod.since(berlin(start));
    }

    @Test
    void a_clock_that_never_stopped_is_due_after_its_target_of_working_time() {
        List<RunningPeriod> running = List.of(since("2026-03-02T10:00"));
        // 10:00-12:00 and 13:00-15:00
        assertThat(office.dueAt(running, Duration.ofHours(4))).contains(berlin("2026-03-02T15:00"));
        assertThat(office.elapsed(running, berlin("2026-03-02T14:30"))).isEqualTo(Duration.ofHours(3).plusMinutes(30));
    }

    @Test
    void time_pending_does_not_count_and_the_clock_resumes_with_the_time_it_had_used() {
        // running Mon 09:00-10:00 (1h), PENDING until Tue 10:00, running again since
        List<RunningPeriod> running = List.of(between("2026-03-02T09:00", "2026-03-02T10:00"), since("2026-03-03T10:00"));
        // 3h left: Tue 10:00-12:00 (2h) and 13:00-14:00 (1h)
        assertThat(office.dueAt(running, Duration.ofHours(4))).contains(berlin("2026-03-03T14:00"));
        // 1h + Tue 10:00-12:00 + 13:00-13:30
        assertThat(office.elapsed(running, berlin("2026-03-03T13:30"))).isEqualTo(Duration.ofMinutes(210));
    }

    @Test
    void a_stopped_clock_short_of_its_target_has_no_due_instant() {
        List<RunningPeriod> pending = List.of(between("2026-03-02T09:00", "2026-03-02T10:00"));
        assertThat(office.dueAt(pending, Duration.ofHours(4))).isEmpty();
        assertThat(office.elapsed(pending, berlin("2026-03-05T10:00"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_clock_that_never_ran_has_used_nothing_and_has_no_due_instant() {
        assertThat(office.dueAt(List.of(), Duration.ofHours(4))).isEmpty();
        assertThat(office.elapsed(List.of(), berlin("2026-03-05T10:00"))).isZero();
    }

    @Test
    void a_target_used_up_before_the_clock_stopped_was_due_back_then() {
        // Mon 09:00 to Tue 12:00 holds 8h + 3h; a 10h target ran out on Tue at 11:00
        List<RunningPeriod> running = List.of(between("2026-03-02T09:00", "2026-03-03T12:00"), since("2026-03-04T09:00"));
        assertThat(office.dueAt(running, Duration.ofHours(10))).contains(berlin("2026-03-03T11:00"));
    }

    @Test
    void a_target_used_up_exactly_when_the_clock_stopped_is_due_at_that_stop() {
        List<RunningPeriod> running = List.of(between("2026-03-02T09:00", "2026-03-02T11:00"), since("2026-03-03T09:00"));
        assertThat(office.dueAt(running, Duration.ofHours(2))).contains(berlin("2026-03-02T11:00"));
    }

    @Test
    void a_reopened_case_resumes_its_resolution_clock_with_the_time_already_used() {
        // running Mon 09:00 to Tue 11:00 (8h + 2h), resolved until reopened Thu 09:00:
        // 6h left, Thu 09:00-12:00 (3h) and 13:00-16:00 (3h)
        List<RunningPeriod> running = List.of(between("2026-03-02T09:00", "2026-03-03T11:00"), since("2026-03-05T09:00"));
        assertThat(office.dueAt(running, Duration.ofHours(16))).contains(berlin("2026-03-05T16:00"));
    }

    @Test
    void a_clock_stopped_out_of_hours_loses_no_working_time() {
        // stopped Mon 17:00 to Tue 09:00: only Mon 17:00-18:00 was working time lost to the pause
        List<RunningPeriod> running = List.of(between("2026-03-02T09:00", "2026-03-02T17:00"), since("2026-03-03T09:00"));
        // 7h used; 2h left: Tue 09:00-11:00
        assertThat(office.dueAt(running, Duration.ofHours(9))).contains(berlin("2026-03-03T11:00"));
    }

    @Test
    void a_stretch_of_pauses_across_a_weekend_and_several_periods() {
        // Fri 6 Mar 16:00-17:00 (1h); pending; Mon 9 Mar 11:30-12:00 (0.5h); pending; since Tue 10 Mar 13:00
        List<RunningPeriod> running = List.of(
                between("2026-03-06T16:00", "2026-03-06T17:00"),
                between("2026-03-09T11:30", "2026-03-09T12:30"),
                since("2026-03-10T13:00"));
        // 1.5h used, 6.5h left of 8h: Tue 13:00-18:00 (5h), Wed 09:00-10:30 (1.5h)
        assertThat(office.dueAt(running, Duration.ofHours(8))).contains(berlin("2026-03-11T10:30"));
    }

    @Test
    void elapsed_time_reads_the_clock_as_it_stood_at_an_instant() {
        List<RunningPeriod> running = List.of(between("2026-03-02T09:00", "2026-03-02T11:00"), since("2026-03-03T09:00"));
        // within the first period: the part before 10:00 only; the later period has not begun
        assertThat(office.elapsed(running, berlin("2026-03-02T10:00"))).isEqualTo(Duration.ofHours(1));
        assertThat(office.elapsed(running, berlin("2026-03-03T09:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void in_calendar_time_only_the_pauses_are_left_out() {
        Instant opened = Instant.parse("2026-03-07T00:00:00Z");
        List<RunningPeriod> running = List.of(
                RunningPeriod.between(opened, opened.plus(Duration.ofHours(1))),
                RunningPeriod.since(opened.plus(Duration.ofHours(3))));
        // 1h used, 1h left from 03:00
        assertThat(roundTheClock.dueAt(running, Duration.ofHours(2))).contains(opened.plus(Duration.ofHours(4)));
        assertThat(roundTheClock.elapsed(running, opened.plus(Duration.ofHours(5)))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void a_target_of_zero_is_due_when_the_clock_first_ran() {
        assertThat(office.dueAt(List.of(since("2026-03-07T11:00")), Duration.ZERO)).contains(berlin("2026-03-07T11:00"));
    }

    @Test
    void periods_out_of_order_are_refused() {
        List<RunningPeriod> overlapping = List.of(between("2026-03-02T09:00", "2026-03-02T11:00"), since("2026-03-02T10:00"));
        assertThatThrownBy(() -> office.dueAt(overlapping, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("running period 1 starts before period 0 ends");
    }

    @Test
    void only_the_last_period_may_still_run() {
        List<RunningPeriod> twoRunning = List.of(since("2026-03-02T09:00"), since("2026-03-03T09:00"));
        assertThatThrownBy(() -> office.elapsed(twoRunning, berlin("2026-03-04T09:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only the last running period may still run");
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> between("2026-03-02T11:00", "2026-03-02T09:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
