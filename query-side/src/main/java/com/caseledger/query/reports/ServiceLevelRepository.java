package com.caseledger.query.reports;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.FollowUpStatus;
import com.caseledger.events.Money;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import com.caseledger.query.casefold.CaseFoldTable;
import com.caseledger.query.casefold.CaseTimeline;
import com.caseledger.query.casefold.TimelineJson;
import com.caseledger.platform.database.StorableText;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** Owns {@code projections.service_level_case} and {@code projections.service_level_case_lists}. */
@Repository
public class ServiceLevelRepository implements CaseFoldTable {

    private final NamedParameterJdbcTemplate jdbc;
    private final TimelineJson json;
    private final ServiceLevelFacts facts;

    public ServiceLevelRepository(NamedParameterJdbcTemplate jdbc, TimelineJson json, ServiceLevelFacts facts) {
        this.jdbc = jdbc;
        this.json = json;
        this.facts = facts;
    }

    @Override
    public void saveAll(Collection<CaseTimeline> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(UPSERT, changed.stream().map(this::row).toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate(UPSERT_LISTS, changed.stream().map(timeline -> new MapSqlParameterSource()
                .addValue("caseId", timeline.caseId())
                .addValue("statusChanges", json.write(timeline.statusChanges()))
                .addValue("issuedRefunds", json.write(timeline.issuedRefunds()))).toArray(SqlParameterSource[]::new));
    }

    private SqlParameterSource row(CaseTimeline timeline) {
        return new MapSqlParameterSource()
                .addValue("caseId", timeline.caseId())
                .addValue("version", timeline.version())
                .addValue("openedAt", Timestamp.from(timeline.openedAt()))
                .addValue("type", timeline.type().name())
                .addValue("channel", timeline.channel().name())
                .addValue("category", timeline.category().name())
                .addValue("priority", timeline.priority().name())
                .addValue("agentId", StorableText.of(timeline.agentId()))
                .addValue("status", timeline.status().name())
                .addValue("replies", timeline.replies())
                .addValue("reopens", timeline.reopens())
                .addValue("resolvedEver", timeline.resolvedEver())
                .addValue("firstReply", timeline.firstReplySeconds())
                .addValue("firstResolution", timeline.firstResolutionSeconds())
                .addValue("fullResolution", timeline.fullResolutionSeconds())
                .addValue("requesterWait", timeline.requesterWaitSeconds())
                .addValue("statusChangedAt", Timestamp.from(timeline.lastStatusChangeAt()))
                .addValue("refunded", !timeline.issuedRefunds().isEmpty())
                .addValue("followUpsCompleted", timeline.followUps(FollowUpStatus.COMPLETED))
                .addValue("followUpsMissed", timeline.followUps(FollowUpStatus.MISSED))
                .addValue("csat", timeline.surveys().csat())
                .addValue("nps", timeline.surveys().nps())
                .addValues(gaps(timeline.surveys().servqual()));
    }

    private static Map<String, Object> gaps(Map<ServqualDimension, ServqualRating> servqual) {
        Map<String, Object> gaps = new HashMap<>();
        for (ServqualDimension dimension : ServqualDimension.values()) {
            ServqualRating rating = servqual == null ? null : servqual.get(dimension);
            gaps.put(gapColumn(dimension), rating == null ? null : rating.perception() - rating.expectation());
        }
        return gaps;
    }

    private static final String UPSERT = """
                insert into projections.service_level_case
                    (case_id, version, opened_at, type, channel, category, priority, agent_id, status, replies, reopens,
                     resolved_ever, first_reply_seconds, first_resolution_seconds, full_resolution_seconds,
                     requester_wait_seconds, refunded, follow_ups_completed, follow_ups_missed, csat, nps,
                     gap_tangibles, gap_reliability, gap_responsiveness, gap_assurance, gap_empathy, status_changed_at)
                values (:caseId, :version, :openedAt, :type, :channel, :category, :priority, :agentId, :status, :replies,
                        :reopens, :resolvedEver, :firstReply, :firstResolution, :fullResolution, :requesterWait,
                        :refunded, :followUpsCompleted, :followUpsMissed, :csat, :nps, :gap_tangibles,
                        :gap_reliability, :gap_responsiveness, :gap_assurance, :gap_empathy, :statusChangedAt)
                on conflict (case_id) do update set
                    version = excluded.version, opened_at = excluded.opened_at, type = excluded.type,
                    channel = excluded.channel, category = excluded.category, priority = excluded.priority,
                    agent_id = excluded.agent_id, status = excluded.status, replies = excluded.replies,
                    reopens = excluded.reopens, resolved_ever = excluded.resolved_ever,
                    first_reply_seconds = excluded.first_reply_seconds,
                    first_resolution_seconds = excluded.first_resolution_seconds,
                    full_resolution_seconds = excluded.full_resolution_seconds,
                    requester_wait_seconds = excluded.requester_wait_seconds, refunded = excluded.refunded,
                    follow_ups_completed = excluded.follow_ups_completed, follow_ups_missed = excluded.follow_ups_missed,
                    csat = excluded.csat, nps = excluded.nps, gap_tangibles = excluded.gap_tangibles,
                    gap_reliability = excluded.gap_reliability, gap_responsiveness = excluded.gap_responsiveness,
                    gap_assurance = excluded.gap_assurance, gap_empathy = excluded.gap_empathy,
                    status_changed_at = excluded.status_changed_at, changed_by = pg_current_xact_id()
                where service_level_case.version < excluded.version
                """;

    private static final String UPSERT_LISTS = """
                insert into projections.service_level_case_lists (case_id, status_changes, issued_refunds)
                values (:caseId, cast(:statusChanges as jsonb), cast(:issuedRefunds as jsonb))
                on conflict (case_id) do update set
                    status_changes = excluded.status_changes, issued_refunds = excluded.issued_refunds
                """;

    @Override
    public void deleteAll() {
        jdbc.getJdbcTemplate().update("delete from projections.service_level_case");
        jdbc.getJdbcTemplate().update("delete from projections.service_level_case_lists");
        jdbc.getJdbcTemplate().update("update projections.service_level_resets set resets = resets + 1 where id = 1");
    }

    /** The figures of a cohort, per group and in total. */
    public record Aggregates(Map<String, CohortFigures> groups, CohortFigures total) {
    }

    /**
     * The figures of the cohort opened in [from, to) matching the filter, per group and in total, added up from the
     * facts held in memory. Calendar groups are the given periods; backlog takes each case's status just before
     * {@code to}, from its status history when it changed status since.
     */
    public Aggregates aggregate(Instant from, Instant to, ReportFilter filter, GroupBy groupBy,
                                List<GroupBy.Period> periods) {
        List<CaseFacts> opened = facts.openedBetween(from, to);
        Cohort cohort = new Cohort(to, CaseFacts.micros(to), filter, groupBy, periods,
                periods.stream().mapToLong(period -> CaseFacts.micros(period.start())).toArray());
        // two halves of the period are added up at once, then joined
        CompletableFuture<Tallies> firstHalf = CompletableFuture.supplyAsync(
                () -> tally(opened.subList(0, opened.size() / 2), cohort));
        Tallies tallies = tally(opened.subList(opened.size() / 2, opened.size()), cohort).merge(firstHalf.join());
        Map<String, CohortFigures> figures = new TreeMap<>();
        tallies.groups().entrySet().parallelStream()
                .map(group -> Map.entry(group.getKey(), group.getValue().figures()))
                .toList().forEach(group -> figures.put(group.getKey(), group.getValue()));
        return new Aggregates(figures, tallies.total().figures());
    }

    private record Tallies(CohortTally total, Map<String, CohortTally> groups) {

        Tallies merge(Tallies other) {
            total.merge(other.total);
            other.groups.forEach((key, tally) -> groups.merge(key, tally, (mine, theirs) -> {
                mine.merge(theirs);
                return mine;
            }));
            return this;
        }
    }

    /** What a report's cohort is: its end (as given and in microseconds), filter and grouping. */
    private record Cohort(Instant to, long end, ReportFilter filter, GroupBy groupBy, List<GroupBy.Period> periods,
                          long[] periodStarts) {
    }

    private Tallies tally(List<CaseFacts> opened, Cohort cohort) {
        Map<String, CohortTally> groups = new HashMap<>();
        CohortTally total = new CohortTally();
        // a case that changed status after the period needs its history for its status at the end: those few wait
        List<CaseFacts> changedSinceEnd = new ArrayList<>();
        for (CaseFacts facts : opened) {
            if (!matches(facts, cohort.filter())) {
                continue;
            }
            if (facts.statusChangedAt() >= cohort.end()) {
                changedSinceEnd.add(facts);
            } else {
                tally(facts, facts.status(), total, groups, cohort);
            }
        }
        Map<String, CaseStatus> statusesAtEnd = statusesAt(cohort.to(),
                changedSinceEnd.stream().map(CaseFacts::caseId).toList());
        for (CaseFacts facts : changedSinceEnd) {
            tally(facts, statusesAtEnd.get(facts.caseId()), total, groups, cohort);
        }
        return new Tallies(total, groups);
    }

    private static void tally(CaseFacts facts, CaseStatus atEnd, CohortTally total, Map<String, CohortTally> groups,
                              Cohort cohort) {
        boolean inBacklog = atEnd != null && atEnd != CaseStatus.RESOLVED && atEnd != CaseStatus.CLOSED;
        total.add(facts, inBacklog);
        if (cohort.groupBy() != null) {
            groups.computeIfAbsent(groupKey(facts, cohort), key -> new CohortTally()).add(facts, inBacklog);
        }
    }

    private static boolean matches(CaseFacts facts, ReportFilter filter) {
        return (filter.type() == null || facts.type() == filter.type())
                && (filter.channel() == null || facts.channel() == filter.channel())
                && (filter.category() == null || facts.category() == filter.category())
                && (filter.priority() == null || facts.priority() == filter.priority())
                && (filter.agentId() == null || filter.agentId().equals(facts.agentId()));
    }

    /** A case's own attribute, or the calendar period it was opened in (periods are in order, from the start). */
    private static String groupKey(CaseFacts facts, Cohort cohort) {
        return switch (cohort.groupBy()) {
            case CHANNEL -> facts.channel().name();
            case TYPE -> facts.type().name();
            case CATEGORY -> facts.category().name();
            case PRIORITY -> facts.priority().name();
            case AGENT -> facts.agentId() == null ? GroupBy.UNASSIGNED : facts.agentId();
            case DAY, WEEK, MONTH -> {
                int found = Arrays.binarySearch(cohort.periodStarts(), facts.openedAt());
                yield cohort.periods().get(found >= 0 ? found : -found - 2).key();
            }
        };
    }

    /** The status each of the cases had just before {@code at}, from its status history. */
    private Map<String, CaseStatus> statusesAt(Instant at, List<String> caseIds) {
        Map<String, CaseStatus> statuses = new HashMap<>();
        if (caseIds.isEmpty()) {
            return statuses;
        }
        jdbc.getJdbcTemplate().query(STATUS_AT, rs -> {
            String status = rs.getString("status");
            if (status != null) {
                statuses.put(rs.getString("case_id"), CaseStatus.valueOf(status));
            }
        }, Timestamp.from(at), caseIds.toArray(String[]::new));
        return statuses;
    }

    private static final String STATUS_AT = """
            select lists.case_id,
                   (select change ->> 'status'
                    from jsonb_array_elements(lists.status_changes) with ordinality as changes(change, position)
                    where (change ->> 'at')::timestamptz < ?
                    order by position desc limit 1) as status
            from projections.service_level_case_lists lists
            where lists.case_id = any(?)
            """;

    static String gapColumn(ServqualDimension dimension) {
        return "gap_" + dimension.name().toLowerCase(Locale.ROOT);
    }
}
