package com.caseledger.query.reports;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.FollowUpStatus;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import com.caseledger.query.caseview.CaseTimeline;
import com.caseledger.query.caseview.StatusChange;
import com.caseledger.query.caseview.TimelineJson;
import com.caseledger.query.caseview.TimelineTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Owns {@code projections.service_level_case}. */
@Repository
public class ServiceLevelRepository implements TimelineTable {

    private static final TypeReference<List<StatusChange>> STATUS_CHANGES = new TypeReference<>() {
    };
    private static final TypeReference<List<Money>> MONEY = new TypeReference<>() {
    };
    private static final TypeReference<Map<ServqualDimension, ServqualRating>> SERVQUAL = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final TimelineJson timelines;
    private final ObjectMapper json;

    public ServiceLevelRepository(NamedParameterJdbcTemplate jdbc, TimelineJson timelines, ObjectMapper json) {
        this.jdbc = jdbc;
        this.timelines = timelines;
        this.json = json;
    }

    @Override
    public Optional<CaseTimeline> find(String caseId) {
        return jdbc.query("select timeline from projections.service_level_case where case_id = :caseId",
                        new MapSqlParameterSource("caseId", caseId), (rs, row) -> timelines.read(rs.getString(1)))
                .stream().findFirst();
    }

    @Override
    public void save(CaseTimeline timeline) {
        MapSqlParameterSource row = new MapSqlParameterSource()
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
                .addValue("statusChanges", timelines.write(timeline.statusChanges()))
                .addValue("issuedRefunds", timelines.write(timeline.issuedRefunds()))
                .addValue("followUpsCompleted", timeline.followUps(FollowUpStatus.COMPLETED))
                .addValue("followUpsMissed", timeline.followUps(FollowUpStatus.MISSED))
                .addValue("csat", timeline.surveys().csat())
                .addValue("nps", timeline.surveys().nps())
                .addValue("servqual", timeline.surveys().servqual() == null ? null : timelines.write(timeline.surveys().servqual()))
                .addValue("timeline", timelines.write(timeline));
        jdbc.update("""
                insert into projections.service_level_case
                    (case_id, version, opened_at, type, channel, category, priority, agent_id, status, replies, reopens,
                     resolved_ever, first_reply_seconds, first_resolution_seconds, full_resolution_seconds,
                     requester_wait_seconds, status_changes, issued_refunds, follow_ups_completed, follow_ups_missed,
                     csat, nps, servqual, timeline)
                values (:caseId, :version, :openedAt, :type, :channel, :category, :priority, :agentId, :status, :replies,
                        :reopens, :resolvedEver, :firstReply, :firstResolution, :fullResolution, :requesterWait,
                        cast(:statusChanges as jsonb), cast(:issuedRefunds as jsonb), :followUpsCompleted,
                        :followUpsMissed, :csat, :nps, cast(:servqual as jsonb), cast(:timeline as jsonb))
                on conflict (case_id) do update set
                    version = excluded.version, opened_at = excluded.opened_at, type = excluded.type,
                    channel = excluded.channel, category = excluded.category, priority = excluded.priority,
                    agent_id = excluded.agent_id, status = excluded.status, replies = excluded.replies,
                    reopens = excluded.reopens, resolved_ever = excluded.resolved_ever,
                    first_reply_seconds = excluded.first_reply_seconds,
                    first_resolution_seconds = excluded.first_resolution_seconds,
                    full_resolution_seconds = excluded.full_resolution_seconds,
                    requester_wait_seconds = excluded.requester_wait_seconds,
                    status_changes = excluded.status_changes, issued_refunds = excluded.issued_refunds,
                    follow_ups_completed = excluded.follow_ups_completed, follow_ups_missed = excluded.follow_ups_missed,
                    csat = excluded.csat, nps = excluded.nps, servqual = excluded.servqual, timeline = excluded.timeline
                where service_level_case.version < excluded.version
                """, row);
    }

    @Override
    public void deleteAll() {
        jdbc.getJdbcTemplate().update("delete from projections.service_level_case");
    }

    /** The cases opened in [from, to) that match the filter. */
    public List<CohortCase> cohort(Instant from, Instant to, ReportFilter filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to))
                .addValue("type", filter.type() == null ? null : filter.type().name())
                .addValue("channel", filter.channel() == null ? null : filter.channel().name())
                .addValue("category", filter.category() == null ? null : filter.category().name())
                .addValue("priority", filter.priority() == null ? null : filter.priority().name())
                .addValue("agentId", filter.agentId());
        return jdbc.query("""
                select case_id, opened_at, type, channel, category, priority, agent_id, status, replies, reopens,
                       resolved_ever, first_reply_seconds, first_resolution_seconds, full_resolution_seconds,
                       requester_wait_seconds, status_changes, issued_refunds, follow_ups_completed, follow_ups_missed,
                       csat, nps, servqual
                from projections.service_level_case
                where opened_at >= :from and opened_at < :to
                  and (cast(:type as varchar) is null or type = :type)
                  and (cast(:channel as varchar) is null or channel = :channel)
                  and (cast(:category as varchar) is null or category = :category)
                  and (cast(:priority as varchar) is null or priority = :priority)
                  and (cast(:agentId as varchar) is null or agent_id = :agentId)
                order by opened_at, case_id
                """, parameters, (rs, row) -> cohortCase(rs));
    }

    private CohortCase cohortCase(ResultSet rs) throws SQLException {
        return new CohortCase(rs.getString("case_id"), rs.getTimestamp("opened_at").toInstant(),
                CaseType.valueOf(rs.getString("type")), Channel.valueOf(rs.getString("channel")),
                Category.valueOf(rs.getString("category")), Priority.valueOf(rs.getString("priority")),
                rs.getString("agent_id"), CaseStatus.valueOf(rs.getString("status")), rs.getInt("replies"),
                rs.getInt("reopens"), rs.getBoolean("resolved_ever"), rs.getObject("first_reply_seconds", Long.class),
                rs.getObject("first_resolution_seconds", Long.class), rs.getObject("full_resolution_seconds", Long.class),
                rs.getObject("requester_wait_seconds", Long.class), read(rs.getString("status_changes"), STATUS_CHANGES),
                read(rs.getString("issued_refunds"), MONEY), rs.getInt("follow_ups_completed"),
                rs.getInt("follow_ups_missed"), rs.getObject("csat", Integer.class), rs.getObject("nps", Integer.class),
                rs.getString("servqual") == null ? Map.of() : read(rs.getString("servqual"), SERVQUAL));
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable service-level facts", e);
        }
    }
}
