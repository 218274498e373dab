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
import java.util.function.Function;

/**
 * Computes service-level reports: the cohort's facts from memory (or, for a report as of an earlier instant, folded
 * from the events recorded up to it), added up by {@link Cohort}, which gives half of its work to a thread kept for
 * that (a thread started per report would cost more than it saves).
 */
@Service
public class ServiceLevelReports implements DisposableBean {

    static final int MAX_GROUPS = 1000;

    private final ServiceLevelFacts facts;
    private final RecordedServiceLevelFacts recordedFacts;
    private final Clock clock;
    private final ExecutorService arithmetic = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "report-arithmetic");
        thread.setDaemon(true);
        return thread;
    });

    ServiceLevelReports(ServiceLevelFacts facts, RecordedServiceLevelFacts recordedFacts, Clock clock) {
        this.facts = facts;
        this.recordedFacts = recordedFacts;
        this.clock = clock;
    }

    @Override
    public void destroy() {
        arithmetic.shutdownNow();
    }

    /**
     * The report over the cases opened in [from, to): as it stands now when {@code asOf} is null, else as it stood at
     * {@code asOf}, an instant that has passed.
     */
    public ServiceLevelReport report(Instant from, Instant to, GroupBy groupBy, ZoneId zone, ReportTime time,
                                     ReportFilter filter, ServqualWeights weights, Instant asOf) {
        List<GroupBy.Period> periods = groupBy != null && groupBy.isCalendar() ? periods(from, to, groupBy, zone) : List.of();
        Cohort cohort = new Cohort(to, time, filter, groupBy, periods);
        Function<OpenedCases, Cohort.Figures> addUp = cases -> cohort.addUp(cases, arithmetic);
        Cohort.Figures aggregates = asOf == null ? facts.openedBetween(from, to, addUp)
                : recordedFacts.openedBetween(asOf, from, to, addUp);
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
