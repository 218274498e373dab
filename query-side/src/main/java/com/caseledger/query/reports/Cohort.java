package com.caseledger.query.reports;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A report's cohort: the cases opened in its period that match its filter, each counted once in the group of its own
 * attributes (or of the calendar period it was opened in), and in the backlog when it was neither RESOLVED nor CLOSED
 * just before the period's end. Adds up their facts per group and in total; it reads no storage.
 */
final class Cohort {

    /** The figures of a cohort, per group and in total. */
    record Figures(Map<String, CohortFigures> groups, CohortFigures total) {
    }

    private final long end;
    private final ReportFilter filter;
    private final GroupBy groupBy;
    private final List<GroupBy.Period> periods;
    private final long[] periodStarts;

    /** The cohort ending at {@code to}; calendar groups are the given periods, in order. */
    Cohort(Instant to, ReportFilter filter, GroupBy groupBy, List<GroupBy.Period> periods) {
        this.end = CaseFacts.micros(to);
        this.filter = filter;
        this.groupBy = groupBy;
        this.periods = periods;
        this.periodStarts = periods.stream().mapToLong(period -> CaseFacts.micros(period.start())).toArray();
    }

    /** Adds up the cases of the period (all opened in it, in the order they were opened). */
    Figures addUp(List<CaseFacts> opened) {
        // two halves of the period are added up at once, then joined
        CompletableFuture<Tallies> firstHalf = CompletableFuture.supplyAsync(() -> tally(opened.subList(0, opened.size() / 2)));
        Tallies tallies = tally(opened.subList(opened.size() / 2, opened.size())).merge(firstHalf.join());
        CompletableFuture<CohortFigures> total = CompletableFuture.supplyAsync(() -> tallies.total().figures());
        Map<String, CohortFigures> groups = new TreeMap<>();
        tallies.groups().entrySet().parallelStream()
                .map(group -> Map.entry(group.getKey(), group.getValue().figures()))
                .toList().forEach(group -> groups.put(group.getKey(), group.getValue()));
        return new Figures(groups, total.join());
    }

    /** The tally of each group, and of the whole cohort. */
    private record Tallies(Map<String, CohortTally> groups, CohortTally ungrouped) {

        Tallies merge(Tallies other) {
            ungrouped.merge(other.ungrouped);
            other.groups.forEach((key, tally) -> groups.merge(key, tally, (mine, theirs) -> {
                mine.merge(theirs);
                return mine;
            }));
            return this;
        }

        /** Every case is in exactly one group, so the groups add up to the whole cohort. */
        CohortTally total() {
            CohortTally total = new CohortTally();
            total.merge(ungrouped);
            groups.values().forEach(total::merge);
            return total;
        }
    }

    private Tallies tally(List<CaseFacts> opened) {
        Map<String, CohortTally> groups = new HashMap<>();
        CohortTally ungrouped = new CohortTally();
        for (CaseFacts facts : opened) {
            if (matches(facts)) {
                CohortTally tally = groupBy == null ? ungrouped : groups.computeIfAbsent(groupKey(facts), key -> new CohortTally());
                tally.add(facts, !facts.resolvedJustBefore(end));
            }
        }
        return new Tallies(groups, ungrouped);
    }

    private boolean matches(CaseFacts facts) {
        return (filter.type() == null || facts.type() == filter.type())
                && (filter.channel() == null || facts.channel() == filter.channel())
                && (filter.category() == null || facts.category() == filter.category())
                && (filter.priority() == null || facts.priority() == filter.priority())
                && (filter.agentId() == null || filter.agentId().equals(facts.agentId()));
    }

    /** A case's own attribute, or the calendar period it was opened in (periods are in order, from the start). */
    private String groupKey(CaseFacts facts) {
        return switch (groupBy) {
            case CHANNEL -> facts.channel().name();
            case TYPE -> facts.type().name();
            case CATEGORY -> facts.category().name();
            case PRIORITY -> facts.priority().name();
            case AGENT -> facts.agentId() == null ? GroupBy.UNASSIGNED : facts.agentId();
            case DAY, WEEK, MONTH -> {
                int found = Arrays.binarySearch(periodStarts, facts.openedAt());
                yield periods.get(found >= 0 ? found : -found - 2).key();
            }
        };
    }
}
