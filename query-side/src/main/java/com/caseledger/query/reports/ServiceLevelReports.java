package com.caseledger.query.reports;

import com.caseledger.platform.web.InvalidInputException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes service-level reports from the service-level projection. */
@Service
public class ServiceLevelReports {

    static final int MAX_GROUPS = 1000;

    private final ServiceLevelRepository repository;
    private final Clock clock;

    public ServiceLevelReports(ServiceLevelRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public ServiceLevelReport report(Instant from, Instant to, GroupBy groupBy, ZoneId zone, ReportFilter filter,
                                     ServqualWeights weights) {
        List<CohortCase> cohort = repository.cohort(from, to, filter);
        List<ServiceLevelReport.Group> groups = new ArrayList<>();
        if (groupBy != null) {
            for (Map.Entry<String, List<CohortCase>> group : split(cohort, from, to, groupBy, zone).entrySet()) {
                groups.add(new ServiceLevelReport.Group(group.getKey(), ServiceLevelMetrics.of(group.getValue(), to, weights)));
            }
        }
        return new ServiceLevelReport(from, to, groupBy == null ? null : groupBy.label(), zone.getId(), groups,
                ServiceLevelMetrics.of(cohort, to, weights));
    }

    private Map<String, List<CohortCase>> split(List<CohortCase> cohort, Instant from, Instant to, GroupBy groupBy,
                                                ZoneId zone) {
        Map<String, List<CohortCase>> groups;
        if (groupBy.isCalendar()) {
            LocalDate firstDay = from.atZone(zone).toLocalDate();
            LocalDate lastDay = to.minusNanos(1).atZone(zone).toLocalDate();
            if (firstDay.plusDays(MAX_GROUPS * 31L).isBefore(lastDay)) {
                throw new InvalidInputException("groupBy", "the range is too long to group by " + groupBy.label());
            }
            List<String> keys = groupBy.calendarKeys(firstDay, lastDay);
            if (keys.size() > MAX_GROUPS) {
                throw new InvalidInputException("groupBy", "grouping by " + groupBy.label() + " would give "
                        + keys.size() + " groups; at most " + MAX_GROUPS + " are allowed");
            }
            groups = new LinkedHashMap<>();
            keys.forEach(key -> groups.put(key, new ArrayList<>()));
        } else {
            groups = new TreeMap<>();
        }
        for (CohortCase c : cohort) {
            groups.computeIfAbsent(groupBy.key(c, zone), key -> new ArrayList<>()).add(c);
        }
        return groups;
    }

    public Instant now() {
        return clock.instant();
    }
}
