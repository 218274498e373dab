package com.caseledger.query.reports;

import java.util.Locale;
import java.util.Optional;

/**
 * The time a report's durations are measured in: every instant (calendar), or the working time under the business
 * calendar of each case's SLA policy (business; a case whose policy has no calendar, or that has no policy, counts
 * every instant there too).
 */
public enum ReportTime {
    CALENDAR, BUSINESS;

    public static Optional<ReportTime> parse(String value) {
        for (ReportTime time : values()) {
            if (time.label().equals(value)) {
                return Optional.of(time);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
