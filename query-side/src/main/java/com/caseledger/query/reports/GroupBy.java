package com.caseledger.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a report splits its cohort. Calendar groupings follow the report's time zone (Java's rules, computed
 * here) and list every period in range, also the empty ones, so a time series has no holes; the others list
 * the keys that occur.
 */
public enum GroupBy {
    DAY, WEEK, MONTH, CHANNEL, TYPE, CATEGORY, PRIORITY, AGENT;

    public static final String UNASSIGNED = "unassigned";
    private static final DateTimeFormatter MONTH_KEY = DateTimeFormatter.ofPattern("uuuu-MM");

    /** A calendar period of a report: its key and the instant it starts (the report's start for the first). */
    public record Period(String key, Instant start) {
    }

    public static Optional<GroupBy> parse(String value) {
        for (GroupBy groupBy : values()) {
            if (groupBy.name().equalsIgnoreCase(value)) {
                return Optional.of(groupBy);
            }
        }
        return Optional.empty();
    }

    public boolean isCalendar() {
        return this == DAY || this == WEEK || this == MONTH;
    }

    /** Every calendar period of [from, to) in the zone, in order. */
    public List<Period> periods(Instant from, Instant to, ZoneId zone) {
        LocalDate firstDay = from.atZone(zone).toLocalDate();
        LocalDate lastDay = to.minusNanos(1).atZone(zone).toLocalDate();
        List<Period> periods = new ArrayList<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            String key = calendarKey(day);
            if (periods.isEmpty() || !periods.get(periods.size() - 1).key().equals(key)) {
                Instant start = day.atStartOfDay(zone).toInstant();
                periods.add(new Period(key, start.isBefore(from) ? from : start));
            }
        }
        return periods;
    }

    private String calendarKey(LocalDate day) {
        return switch (this) {
            case DAY -> day.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d",
                    day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> day.format(MONTH_KEY);
            default -> throw new IllegalStateException(this + " is not a calendar grouping");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
