package com.caseledger.query.reports;

import com.caseledger.events.FollowUpStatus;
import com.caseledger.events.Money;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import com.caseledger.query.caseview.CaseTimeline;
import com.caseledger.query.caseview.TimelineJson;
import com.caseledger.query.caseview.TimelineRows;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Owns {@code projections.service_level_case}. */
@Repository
public class ServiceLevelRepository extends TimelineRows {

    public ServiceLevelRepository(NamedParameterJdbcTemplate jdbc, TimelineJson json) {
        super(jdbc, json, "projections.service_level_fold");
    }

    @Override
    public void saveAll(Collection<CaseTimeline> timelines) {
        upsert(UPSERT_FOLD, timelines, timeline -> new MapSqlParameterSource()
                .addValue("caseId", timeline.caseId())
                .addValue("version", timeline.version())
                .addValue("timeline", json.write(timeline)));
        upsert(UPSERT, timelines, this::row);
        upsert(UPSERT_LISTS, timelines, timeline -> new MapSqlParameterSource()
                .addValue("caseId", timeline.caseId())
                .addValue("statusChanges", json.write(timeline.statusChanges()))
                .addValue("issuedRefunds", json.write(timeline.issuedRefunds())));
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
                .addValue("agentId", timeline.agentId())
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

    private static String gapColumn(ServqualDimension dimension) {
        return "gap_" + dimension.name().toLowerCase(Locale.ROOT);
    }

    private static final String UPSERT_FOLD = """
                insert into projections.service_level_fold (case_id, version, timeline)
                values (:caseId, :version, cast(:timeline as jsonb))
                on conflict (case_id) do update set version = excluded.version, timeline = excluded.timeline
                where service_level_fold.version < excluded.version
                """;

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
                    status_changed_at = excluded.status_changed_at
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
        jdbc.getJdbcTemplate().update("delete from projections.service_level_fold");
    }

    /** The figures of the cohort opened in [from, to) matching the filter, per group and in total. */
    public record Aggregates(Map<String, CohortFigures> groups, CohortFigures total) {
    }

    /**
     * Aggregates the cohort in the database. Calendar groups are the given periods (bucketed by their start
     * instants, so the time zone's rules are Java's); backlog takes each case's status just before {@code to}.
     */
    public Aggregates aggregate(Instant from, Instant to, ReportFilter filter, GroupBy groupBy,
                                List<GroupBy.Period> periods) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to))
                .addValue("type", filter.type() == null ? null : filter.type().name())
                .addValue("channel", filter.channel() == null ? null : filter.channel().name())
                .addValue("category", filter.category() == null ? null : filter.category().name())
                .addValue("priority", filter.priority() == null ? null : filter.priority().name())
                .addValue("agentId", filter.agentId())
                .addValue("bounds", periods.stream().map(period -> period.start().toString())
                        .collect(Collectors.joining(",", "{", "}")));
        String key = groupBy == null ? "''"
                : groupBy.isCalendar() ? "width_bucket(opened_at, (select starts from bounds))::text" : groupBy.column();
        Map<String, CohortFigures> groups = new TreeMap<>();
        CohortFigures[] total = {CohortFigures.EMPTY};
        jdbc.query(FIGURES.replace("<key>", key), parameters, rs -> {
            CohortFigures figures = figures(rs);
            if (rs.getBoolean("is_total")) {
                total[0] = figures;
            } else {
                groups.put(label(rs.getString("group_key"), groupBy, periods), figures);
            }
        });
        Map<String, Map<String, BigDecimal>> refunded = new TreeMap<>();
        jdbc.query(REFUNDED.replace("<key>", key), parameters, rs -> {
            String group = rs.getBoolean("is_total") ? null : label(rs.getString("group_key"), groupBy, periods);
            refunded.computeIfAbsent(group == null ? "" : "g:" + group, g -> new TreeMap<>())
                    .put(rs.getString("currency"), rs.getBigDecimal("amount"));
        });
        groups.replaceAll((group, figures) -> figures.withRefundedAmount(money(refunded.get("g:" + group))));
        return new Aggregates(groups, total[0].withRefundedAmount(money(refunded.get(""))));
    }

    private static String label(String groupKey, GroupBy groupBy, List<GroupBy.Period> periods) {
        return groupBy != null && groupBy.isCalendar() ? periods.get(Integer.parseInt(groupKey) - 1).key() : groupKey;
    }

    private static List<Money> money(Map<String, BigDecimal> sums) {
        return sums == null ? List.of()
                : sums.entrySet().stream().map(sum -> new Money(sum.getValue(), sum.getKey())).toList();
    }

    private static CohortFigures figures(ResultSet rs) throws SQLException {
        Map<ServqualDimension, Double> gaps = new EnumMap<>(ServqualDimension.class);
        for (ServqualDimension dimension : ServqualDimension.values()) {
            BigDecimal gap = rs.getBigDecimal(gapColumn(dimension));
            if (gap != null) {
                gaps.put(dimension, gap.doubleValue());
            }
        }
        return new CohortFigures(rs.getLong("opened"), rs.getLong("resolved"), rs.getLong("one_touch"),
                rs.getLong("resolved_ever"), rs.getLong("reopened"), rs.getLong("complaints"), rs.getLong("backlog"),
                summary(rs, "first_reply"), summary(rs, "first_resolution"), summary(rs, "full_resolution"),
                summary(rs, "requester_wait"), rs.getLong("refunded"), List.of(), rs.getLong("calls_completed"),
                rs.getLong("calls_missed"), rs.getLong("csat_answers"), rs.getLong("csat_satisfied"),
                rs.getLong("nps_answers"), rs.getLong("promoters"), rs.getLong("detractors"), gaps);
    }

    /** Median and p90 come from one sort: {@code percentile_disc} of both fractions at once. */
    private static DurationSummary summary(ResultSet rs, String metric) throws SQLException {
        Array percentiles = rs.getArray(metric + "_percentiles");
        Long[] values = percentiles == null ? new Long[2] : (Long[]) percentiles.getArray();
        return new DurationSummary(rs.getLong(metric + "_count"), rs.getObject(metric + "_mean", Long.class),
                values[0], values[1]);
    }

    private static final String COHORT = """
            from projections.service_level_case
            where opened_at >= :from and opened_at < :to
              and (cast(:type as varchar) is null or type = :type)
              and (cast(:channel as varchar) is null or channel = :channel)
              and (cast(:category as varchar) is null or category = :category)
              and (cast(:priority as varchar) is null or priority = :priority)
              and (cast(:agentId as varchar) is null or agent_id = :agentId)
            """;

    /** Durations: the mean rounded half up; median and p90 nearest-rank (percentile_disc is exactly that). */
    private static final String FIGURES = """
            with bounds as (select cast(:bounds as timestamptz[]) as starts),
            cohort as (
                select <key> as group_key, status, type, replies, reopens, resolved_ever, first_reply_seconds,
                       first_resolution_seconds, full_resolution_seconds, requester_wait_seconds, refunded,
                       follow_ups_completed, follow_ups_missed, csat, nps, gap_tangibles, gap_reliability,
                       gap_responsiveness, gap_assurance, gap_empathy,
                       case when status_changed_at < :to then status
                            else (select change ->> 'status'
                                  from projections.service_level_case_lists lists,
                                       jsonb_array_elements(lists.status_changes) with ordinality as changes(change, position)
                                  where lists.case_id = service_level_case.case_id
                                    and (change ->> 'at')::timestamptz < :to
                                  order by position desc limit 1)
                       end as status_at_end
            """ + COHORT + """
            )
            select grouping(group_key) = 1 as is_total, group_key,
                   count(*) as opened,
                   count(*) filter (where status in ('RESOLVED', 'CLOSED')) as resolved,
                   count(*) filter (where status in ('RESOLVED', 'CLOSED') and replies < 2) as one_touch,
                   count(*) filter (where resolved_ever) as resolved_ever,
                   count(*) filter (where resolved_ever and reopens > 0) as reopened,
                   count(*) filter (where type = 'COMPLAINT') as complaints,
                   count(*) filter (where status_at_end not in ('RESOLVED', 'CLOSED')) as backlog,
            """ + durations("first_reply") + durations("first_resolution") + durations("full_resolution")
            + durations("requester_wait") + """
                   count(*) filter (where refunded) as refunded,
                   coalesce(sum(follow_ups_completed), 0) as calls_completed,
                   coalesce(sum(follow_ups_missed), 0) as calls_missed,
                   count(csat) as csat_answers,
                   count(*) filter (where csat >= 4) as csat_satisfied,
                   count(nps) as nps_answers,
                   count(*) filter (where nps >= 9) as promoters,
                   count(*) filter (where nps <= 6) as detractors,
            """ + gaps() + """
            from cohort
            group by grouping sets ((group_key), ())
            """;

    private static final String REFUNDED = """
            with bounds as (select cast(:bounds as timestamptz[]) as starts)
            select grouping(group_key) = 1 as is_total, group_key, refund ->> 'currency' as currency,
                   sum((refund ->> 'amount')::numeric) as amount
            from (select <key> as group_key, case_id
            """ + COHORT + """
                    and refunded
                 ) cohort
                 join projections.service_level_case_lists lists using (case_id),
                 jsonb_array_elements(lists.issued_refunds) as refund
            group by grouping sets ((group_key, refund ->> 'currency'), (refund ->> 'currency'))
            """;

    private static String durations(String metric) {
        String column = metric + "_seconds";
        return "       count(" + column + ") as " + metric + "_count,\n"
                + "       round(avg(" + column + "))::bigint as " + metric + "_mean,\n"
                + "       percentile_disc(array[0.5, 0.9]) within group (order by " + column + ") as " + metric
                + "_percentiles,\n";
    }

    private static String gaps() {
        return Arrays.stream(ServqualDimension.values())
                .map(dimension -> "       avg(" + gapColumn(dimension) + ") as " + gapColumn(dimension))
                .collect(Collectors.joining(",\n", "", "\n"));
    }
}
