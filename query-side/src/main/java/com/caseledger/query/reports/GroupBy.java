package com.caseledger.query.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a report splits its cohort. Calendar groupings use the report's time zone and list every period in
 * range, also the empty ones, so a time series has no holes; the others list the keys that occur.
 */
public enum GroupBy {
    DAY, WEEK, MONTH, CHANNEL, TYPE, CATEGORY, PRIORITY, AGENT;

    public static final String UNASSIGNED = "unassigned";
    private static final DateTimeFormatter MONTH_KEY = DateTimeFormatter.ofPattern("uuuu-MM");

    public static Optional<GroupBy> parse(String value) {
        for (GroupBy groupBy : values()) {
            if (groupBy.name().equalsIgnoreCase(value)) {
                return Optional.of(groupBy);
            }
        }
        return Optional.empty();
    }

    public String key(CohortCase c, ZoneId zone) {
        return switch (this) {
            case DAY, WEEK, MONTH -> calendarKey(c.openedAt().atZone(zone).toLocalDate());
            case CHANNEL -> c.channel().name();
            case TYPE -> c.type().name();
            case CATEGORY -> c.category().name();
            case PRIORITY -> c.priority().name();
            case AGENT -> c.agentId() == null ? UNASSIGNED : c.agentId();
        };
    }

    public boolean isCalendar() {
        return this == DAY || this == WEEK || this == MONTH;
    }

    /** Every calendar period key from the first to the last day of the range, in order. */
    public List<String> calendarKeys(LocalDate firstDay, LocalDate lastDay) {
        List<String> keys = new ArrayList<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            String key = calendarKey(day);
            if (keys.isEmpty() || !keys.get(keys.size() - 1).equals(key)) {
                keys.add(key);
            }
        }
        return keys;
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
