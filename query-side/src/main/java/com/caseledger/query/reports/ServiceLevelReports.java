package com.caseledger.query.reports;

import com.caseledger.platform.web.InvalidInputException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Computes service-level reports: the cohort's facts from memory, added up by {@link Cohort}, which gives half of
 * its work to a thread kept for that (a thread started per report would cost more than it saves).
 */
@Service
public class ServiceLevelReports implements DisposableBean {

    static final int MAX_GROUPS = 1000;

    private final ServiceLevelFacts facts;
    private final Clock clock;
    private final ExecutorService arithmetic = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "report-arithmetic");
        thread.setDaemon(true);
        return thread;
    });

    ServiceLevelReports(ServiceLevelFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public void destroy() {
        arithmetic.shutdownNow();
    }

    public ServiceLevelReport report(Instant from, Instant to, GroupBy groupBy, ZoneId zone, ReportTime time,
                                     ReportFilter filter, ServqualWeights weights) {
        List<GroupBy.Period> periods = groupBy != null && groupBy.isCalendar() ? periods(from, to, groupBy, zone) : List.of();
        Cohort cohort = new Cohort(to, time, filter, groupBy, periods);
        Cohort.Figures aggregates = facts.openedBetween(from, to, cases -> cohort.addUp(cases, arithmetic));
        List<ServiceLevelReport.Group> groups = new ArrayList<>();
        if (groupBy != null && groupBy.isCalendar()) {
            for (GroupBy.Period period : periods) {
                groups.add(group(period.key(), aggregates.groups().getOrDefault(period.key(), CohortFigures.EMPTY), weights));
            }
        } else if (groupBy != null) {
            for (Map.Entry<String, CohortFigures> group : aggregates.groups().entrySet()) {
                groups.add(group(group.getKey(), group.getValue(), weights));
            }
        }
        return new ServiceLevelReport(from, to, groupBy == null ? null : groupBy.label(), zone.getId(), time.label(), groups,
                ServiceLevelMetrics.of(aggregates.total(), weights));
    }

    private static ServiceLevelReport.Group group(String key, CohortFigures figures, ServqualWeights weights) {
        return new ServiceLevelReport.Group(key, ServiceLevelMetrics.of(figures, weights));
    }

    private static List<GroupBy.Period> periods(Instant from, Instant to, GroupBy groupBy, ZoneId zone) {
        if (from.plus(Duration.ofDays(MAX_GROUPS * 31L)).isBefore(to)) {
            throw new InvalidInputException("groupBy", "the range is too long to group by " + groupBy.label());
        }
        List<GroupBy.Period> periods = groupBy.periods(from, to, zone);
        if (periods.size() > MAX_GROUPS) {
            throw new InvalidInputException("groupBy", "grouping by " + groupBy.label() + " would give "
                    + periods.size() + " groups; at most " + MAX_GROUPS + " are allowed");
        }
        return periods;
    }

    public Instant now() {
        return clock.instant();
    }
}
