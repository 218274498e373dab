package com.caseledger.query.reports;

import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A report's cohort: the cases opened in its period that match its filter, each counted once in the group of its own
 * attributes (or of the calendar period it was opened in), and in the backlog when it was neither RESOLVED nor CLOSED
 * just before the period's end. Adds up their facts per group and in total; it reads no storage. Each duration
 * metric's values of all groups are laid out side by side in one array, group after group, so every group's
 * percentiles and the cohort's are read from that one array.
 */
final class Cohort {

    /** The figures of a cohort, per group (the groups that have cases) and in total. */
    record Figures(Map<String, CohortFigures> groups, CohortFigures total) {
    }

    private static final CohortTally.Duration[] DURATIONS = CohortTally.Duration.values();
    private static final int FILTERED_OUT = -1;

    private final long end;
    private final ReportTime time;
    private final ReportFilter filter;
    private final GroupBy groupBy;
    private final List<GroupBy.Period> periods;
    private final long[] periodStarts;

    /**
     * The cohort ending at {@code to}, its durations measured in the given time; calendar groups are the given
     * periods, in order.
     */
    Cohort(Instant to, ReportTime time, ReportFilter filter, GroupBy groupBy, List<GroupBy.Period> periods) {
        this.end = CaseFacts.micros(to);
        this.time = time;
        this.filter = filter;
        this.groupBy = groupBy;
        this.periods = periods;
        this.periodStarts = periods.stream().mapToLong(period -> CaseFacts.micros(period.start())).toArray();
    }

    /**
     * Adds up the cases of the period (all opened in it, in the order they were opened): the duration metrics on the
     * given executor while this thread counts the rest.
     */
    Figures addUp(OpenedCases cases, Executor executor) {
        Grouping grouping = new Grouping(cases);
        CompletableFuture<Durations> durations = CompletableFuture.supplyAsync(() -> durations(cases, grouping), executor);
        CohortTally[] tallies = new CohortTally[grouping.groups];
        for (int i = 0; i < cases.size(); i++) {
            int group = grouping.of(i);
            if (group != FILTERED_OUT) {
                if (tallies[group] == null) {
                    tallies[group] = new CohortTally();
                }
                tallies[group].add(cases, i, !cases.resolvedJustBefore(i, end));
            }
        }
        CohortTally total = new CohortTally();
        for (CohortTally tally : tallies) {
            if (tally != null) {
                total.merge(tally);
            }
        }
        Durations summaries = durations.join();
        Map<String, CohortFigures> groups = new TreeMap<>();
        if (groupBy != null) {
            for (int group = 0; group < tallies.length; group++) {
                if (tallies[group] != null) {
                    groups.put(key(cases, group), tallies[group].figures(summaries.groups()[group]));
                }
            }
        }
        return new Figures(groups, total.figures(summaries.total()));
    }

    /** Each group's duration summaries and the cohort's, in {@link CohortTally.Duration} order. */
    private record Durations(DurationSummary[][] groups, DurationSummary[] total) {
    }

    private Durations durations(OpenedCases cases, Grouping grouping) {
        int groupCount = grouping.groups;
        int[] groupOf = new int[cases.size()];
        for (int i = 0; i < groupOf.length; i++) {
            groupOf[i] = grouping.of(i);
        }
        DurationSummary[][] groups = new DurationSummary[groupCount][DURATIONS.length];
        DurationSummary[] total = new DurationSummary[DURATIONS.length];
        long[] values = new long[0];
        for (CohortTally.Duration duration : DURATIONS) {
            long[] seconds = cases.column(duration, time);
            int[] counts = new int[groupCount];
            long[] sums = new long[groupCount];
            for (int i = 0; i < groupOf.length; i++) {
                int group = groupOf[i];
                long value = seconds[cases.place(i)];
                if (group != FILTERED_OUT && value != CaseFacts.NONE) {
                    counts[group]++;
                    sums[group] += value;
                }
            }
            int[] next = new int[groupCount];
            int count = 0;
            long sum = 0;
            for (int group = 0; group < groupCount; group++) {
                next[group] = count;
                count += counts[group];
                sum += sums[group];
            }
            if (values.length < count) {
                values = new long[count];
            }
            for (int i = 0; i < groupOf.length; i++) {
                int group = groupOf[i];
                long value = seconds[cases.place(i)];
                if (group != FILTERED_OUT && value != CaseFacts.NONE) {
                    values[next[group]++] = value;
                }
            }
            int start = 0;
            for (int group = 0; group < groupCount; group++) {
                groups[group][duration.ordinal()] = NearestRank.summary(values, start, start + counts[group], sums[group]);
                start += counts[group];
            }
            total[duration.ordinal()] = NearestRank.summary(values, 0, count, sum);
        }
        return new Durations(groups, total);
    }

    /** Which group each case of the period counts in, or that it is not in the cohort. */
    private final class Grouping {

        private final OpenedCases cases;
        private final int groups;
        private final int agentFilter;
        /** An agent called "unassigned" shares the group of the unassigned cases, as their keys are the same. */
        private final int unassignedAgent;

        Grouping(OpenedCases cases) {
            this.cases = cases;
            this.groups = groups(cases);
            this.agentFilter = filter.agentId() == null ? 0 : cases.agentNumber(filter.agentId());
            this.unassignedAgent = cases.agentNumber(GroupBy.UNASSIGNED);
        }

        int of(int i) {
            return matches(cases, i, agentFilter) ? group(cases, i, unassignedAgent) : FILTERED_OUT;
        }
    }

    private boolean matches(OpenedCases cases, int i, int agentFilter) {
        return (filter.type() == null || cases.type(i) == filter.type())
                && (filter.channel() == null || cases.channel(i) == filter.channel())
                && (filter.category() == null || cases.category(i) == filter.category())
                && (filter.priority() == null || cases.priority(i) == filter.priority())
                && (filter.agentId() == null || cases.agent(i) == agentFilter);
    }

    /** How many groups there can be: one without grouping, else one per value of the grouping. */
    private int groups(OpenedCases cases) {
        if (groupBy == null) {
            return 1;
        }
        return switch (groupBy) {
            case CHANNEL -> Channel.values().length;
            case TYPE -> CaseType.values().length;
            case CATEGORY -> Category.values().length;
            case PRIORITY -> Priority.values().length;
            case AGENT -> cases.agentCount() + 1;
            case DAY, WEEK, MONTH -> periods.size();
        };
    }

    /** The group of a case's own attribute, or of the calendar period it was opened in (periods are in order). */
    private int group(OpenedCases cases, int i, int unassignedAgent) {
        if (groupBy == null) {
            return 0;
        }
        return switch (groupBy) {
            case CHANNEL -> cases.channel(i).ordinal();
            case TYPE -> cases.type(i).ordinal();
            case CATEGORY -> cases.category(i).ordinal();
            case PRIORITY -> cases.priority(i).ordinal();
            case AGENT -> {
                int agent = cases.agent(i);
                yield agent == CaseFactColumns.UNASSIGNED || agent == unassignedAgent ? 0 : agent + 1;
            }
            case DAY, WEEK, MONTH -> {
                int found = Arrays.binarySearch(periodStarts, cases.openedAt(i));
                yield found >= 0 ? found : -found - 2;
            }
        };
    }

    private String key(OpenedCases cases, int group) {
        return switch (groupBy) {
            case CHANNEL -> Channel.values()[group].name();
            case TYPE -> CaseType.values()[group].name();
            case CATEGORY -> Category.values()[group].name();
            case PRIORITY -> Priority.values()[group].name();
            case AGENT -> group == 0 ? GroupBy.UNASSIGNED : cases.agentId(group - 1);
            case DAY, WEEK, MONTH -> periods.get(group).key();
        };
    }
}
