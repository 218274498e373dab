package com.caseledger.events.sla;

import com.caseledger.events.StorableTime;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working hours in a time zone: weekly intervals per day of the week, minus holidays (whole local dates). Under a
 * business calendar only working time counts towards an SLA target.
 * <p>
 * Each interval on a working day is one unbroken span of instants: from the first instant the zone's clock shows
 * {@code from} (or later) to the first instant it shows {@code to} (or later). So on the day the clocks go forward,
 * local times that do not exist add nothing (01:00-04:00 is two hours in Berlin on 29 March 2026), and on the day
 * they go back, the hour that is lived twice is worked twice (01:00-04:00 is four hours on 25 October 2026), while an
 * edge that falls in the repeated hour is taken at its first occurrence: no instant ever counts twice.
 * <p>
 * Long spans are walked a week at a time wherever a week holds no holiday and no change of the zone's offset.
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<WorkingInterval>> workingHours,
                               Set<LocalDate> holidays) implements WorkingClock {

    private static final Comparator<WorkingInterval> BY_START = Comparator.comparing(WorkingInterval::from);

    /**
     * Validates and normalises: each day's intervals sorted by start, days without intervals left out, holidays
     * sorted. Refuses overlapping intervals, a calendar without any working time and missing parts, naming the field.
     */
    public BusinessCalendar {
        if (zone == null) {
            throw new InvalidCalendar("zone", "is required");
        }
        if (workingHours == null) {
            throw new InvalidCalendar("workingHours", "is required");
        }
        if (holidays == null) {
            throw new InvalidCalendar("holidays", "is required");
        }
        Map<DayOfWeek, List<WorkingInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<DayOfWeek, List<WorkingInterval>> day : workingHours.entrySet()) {
            if (day.getKey() == null) {
                throw new InvalidCalendar("workingHours", "has hours without a day of the week");
            }
            List<WorkingInterval> intervals = sortedWithoutOverlaps("workingHours." + day.getKey(), day.getValue());
            if (!intervals.isEmpty()) {
                hours.put(day.getKey(), intervals);
            }
        }
        if (hours.isEmpty()) {
            throw new InvalidCalendar("workingHours", "has no working time on any day of the week");
        }
        NavigableSet<LocalDate> days = new TreeSet<>();
        for (LocalDate holiday : holidays) {
            if (holiday == null) {
                throw new InvalidCalendar("holidays", "has an empty entry");
            }
            days.add(holiday);
        }
        workingHours = Collections.unmodifiableMap(hours);
        holidays = Collections.unmodifiableNavigableSet(days);
    }

    /**
     * Reads a calendar as the API writes it: a zone id, intervals per day name (MONDAY..SUNDAY) and holidays as
     * ISO dates (absent holidays: none). A refusal names the field, e.g. {@code workingHours.MONDAY[1].to}.
     */
    public static BusinessCalendar parse(String zone, Map<String, List<WorkingInterval.Text>> workingHours,
                                         List<String> holidays) {
        return new BusinessCalendar(parseZone(zone), parseWorkingHours(workingHours),
                holidays == null ? Set.of() : parseHolidays(holidays));
    }

    private static ZoneId parseZone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new InvalidCalendar("zone", "is required");
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidCalendar("zone", "is not a known time zone (such as Europe/Berlin): " + zone);
        }
    }

    private static Map<DayOfWeek, List<WorkingInterval>> parseWorkingHours(Map<String, List<WorkingInterval.Text>> text) {
        if (text == null) {
            throw new InvalidCalendar("workingHours", "is required");
        }
        Map<DayOfWeek, List<WorkingInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, List<WorkingInterval.Text>> day : text.entrySet()) {
            String path = "workingHours." + day.getKey();
            DayOfWeek dayOfWeek = parseDayOfWeek(path, day.getKey());
            if (day.getValue() == null) {
                throw new InvalidCalendar(path, "must be a list of intervals; leave the day out for none");
            }
            List<WorkingInterval> intervals = new ArrayList<>();
            for (int i = 0; i < day.getValue().size(); i++) {
                try {
                    intervals.add(WorkingInterval.parse(day.getValue().get(i)));
                } catch (InvalidCalendar refused) {
                    throw refused.under(path + "[" + i + "]");
                }
            }
            hours.put(dayOfWeek, intervals);
        }
        return hours;
    }

    private static DayOfWeek parseDayOfWeek(String path, String name) {
        try {
            return DayOfWeek.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidCalendar(path, "is not a day of the week (MONDAY..SUNDAY)");
        }
    }

    private static Set<LocalDate> parseHolidays(List<String> text) {
        Set<LocalDate> holidays = new TreeSet<>();
        for (int i = 0; i < text.size(); i++) {
            String field = "holidays[" + i + "]";
            if (text.get(i) == null) {
                throw new InvalidCalendar(field, "is required");
            }
            try {
                holidays.add(LocalDate.parse(text.get(i)));
            } catch (DateTimeParseException e) {
                throw new InvalidCalendar(field, "is not a date (YYYY-MM-DD): " + text.get(i));
            }
        }
        return holidays;
    }

    /** Sorts by start; an overlap names the interval given later and the one it overlaps. */
    private static List<WorkingInterval> sortedWithoutOverlaps(String path, List<WorkingInterval> given) {
        if (given == null) {
            throw new InvalidCalendar(path, "must be a list of intervals; leave the day out for none");
        }
        List<Integer> byStart = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                throw new InvalidCalendar(path + "[" + i + "]", "is required");
            }
            byStart.add(i);
        }
        byStart.sort(Comparator.comparing(given::get, BY_START));
        for (int k = 1; k < byStart.size(); k++) {
            int earlier = byStart.get(k - 1);
            int later = byStart.get(k);
            if (given.get(later).fromNanoOfDay() < given.get(earlier).toNanoOfDay()) {
                int offending = Math.max(earlier, later);
                int other = Math.min(earlier, later);
                throw new InvalidCalendar(path + "[" + offending + "]", given.get(offending) + " overlaps "
                        + path + "[" + other + "] " + given.get(other));
            }
        }
        return byStart.stream().map(given::get).toList();
    }

    /** The working time of a week without holidays and without a change of the zone's offset. */
    public Duration weeklyWorkingTime() {
        return workingHours.values().stream().flatMap(List::stream)
                .map(WorkingInterval::length).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public Duration workingTime(Instant from, Instant to) {
        ClockArguments.requireOrdered(from, to);
        Walk walk = new Walk(from);
        LocalDate lastDay = walk.localDate(to);
        Duration total = Duration.ZERO;
        for (Span span : walk.spansOfDay()) {
            total = total.plus(span.overlap(from, to));
        }
        walk.nextDay();
        while (!walk.day.isAfter(lastDay)) {
            if (!walk.day.plusDays(7).isAfter(lastDay) && walk.nextWeekIsRegular()) {
                total = total.plus(walk.weekly);
                walk.skipWeek();
                continue;
            }
            for (Span span : walk.spansOfDay()) {
                total = total.plus(span.overlap(from, to));
            }
            walk.nextDay();
        }
        return total;
    }

    @Override
    public Instant addWorkingTime(Instant start, Duration amount) {
        ClockArguments.requireAmount(start, amount);
        if (amount.isZero()) {
            return start;
        }
        Walk walk = new Walk(start);
        LocalDate lastStorableDay = walk.localDate(StorableTime.LATEST);
        Duration remaining = amount;
        while (true) {
            if (walk.day.isAfter(lastStorableDay)) {
                throw ClockArguments.beyondStorableTime();
            }
            if (remaining.compareTo(walk.weekly) > 0 && walk.dayIsAfterStart() && walk.nextWeekIsRegular()) {
                remaining = remaining.minus(walk.weekly);
                walk.skipWeek();
                continue;
            }
            for (Span span : walk.spansOfDay()) {
                Instant counting = start.isAfter(span.start) ? start : span.start;
                if (!counting.isBefore(span.end)) {
                    continue;
                }
                Duration available = Duration.between(counting, span.end);
                if (remaining.compareTo(available) <= 0) {
                    return ClockArguments.requireStorable(counting.plus(remaining));
                }
                remaining = remaining.minus(available);
            }
            walk.nextDay();
        }
    }

    /** A working interval of one date as instants, [start, end). */
    private record Span(Instant start, Instant end) {

        Duration overlap(Instant from, Instant to) {
            Instant later = from.isAfter(start) ? from : start;
            Instant earlier = to.isBefore(end) ? to : end;
            return later.isBefore(earlier) ? Duration.between(later, earlier) : Duration.ZERO;
        }
    }

    /**
     * Walks the local dates from the one an instant falls on. Spans of earlier dates end no later than that
     * instant, so a walk never needs to look back. Remembers how far the days stay regular (no holiday, no change of
     * offset), where a whole week's working time is known without looking at its days.
     */
    private final class Walk {

        private final ZoneRules rules = zone.getRules();
        private final Duration weekly = weeklyWorkingTime();
        private final LocalDate firstDay;
        private LocalDate day;
        private LocalDate regularUntil;

        Walk(Instant start) {
            firstDay = localDate(start);
            day = firstDay;
            regularUntil = day;
        }

        LocalDate localDate(Instant instant) {
            return LocalDate.ofInstant(instant, zone);
        }

        void nextDay() {
            day = day.plusDays(1);
        }

        void skipWeek() {
            day = day.plusDays(7);
        }

        boolean dayIsAfterStart() {
            return day.isAfter(firstDay);
        }

        /** Whether the seven days from today are all regular, so their working time is {@link #weekly}. */
        boolean nextWeekIsRegular() {
            if (!day.isBefore(regularUntil)) {
                regularUntil = firstIrregularDayFrom(day);
            }
            return !day.plusDays(7).isAfter(regularUntil);
        }

        /** The first holiday, or the day before the next change of offset (a span may end on the following midnight). */
        private LocalDate firstIrregularDayFrom(LocalDate from) {
            LocalDate holiday = ((NavigableSet<LocalDate>) holidays).ceiling(from);
            LocalDate irregular = holiday == null ? LocalDate.MAX : holiday;
            ZoneOffsetTransition change = rules.nextTransition(firstInstantAtOrAfter(from.minusDays(1).atStartOfDay()));
            if (change != null) {
                LocalDate beforeChange = change.getDateTimeBefore().toLocalDate().minusDays(1);
                irregular = beforeChange.isBefore(irregular) ? beforeChange : irregular;
            }
            return irregular;
        }

        List<Span> spansOfDay() {
            List<WorkingInterval> intervals = workingHours.get(day.getDayOfWeek());
            if (intervals == null || holidays.contains(day)) {
                return List.of();
            }
            List<Span> spans = new ArrayList<>(intervals.size());
            LocalDateTime midnight = day.atStartOfDay();
            for (WorkingInterval interval : intervals) {
                Instant start = firstInstantAtOrAfter(midnight.plusNanos(interval.fromNanoOfDay()));
                Instant end = firstInstantAtOrAfter(midnight.plusNanos(interval.toNanoOfDay()));
                if (start.isBefore(end)) {
                    spans.add(new Span(start, end));
                }
            }
            return spans;
        }

        /** The first instant the zone's clock shows this local time or later: a time in a gap starts when the gap ends. */
        private Instant firstInstantAtOrAfter(LocalDateTime local) {
            ZoneOffsetTransition transition = rules.getTransition(local);
            if (transition != null && transition.isGap()) {
                return transition.getInstant();
            }
            // in an overlap the offset before the change, which is the earlier of the two instants
            return local.toInstant(rules.getOffset(local));
        }
    }
}
