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
import com.caseledger.platform.database.StorableText;
import com.caseledger.query.casefold.BatchRows;
import com.caseledger.query.casefold.CaseFoldTable;
import com.caseledger.query.casefold.CaseTimeline;
import com.caseledger.query.casefold.SlaOutcome;
import com.caseledger.query.casefold.TimelineJson;
import com.caseledger.query.config.ProjectionStorage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Owns {@code projections.service_level_case} (one row of report facts per case) and
 * {@code projections.service_level_resets} (how often the projection was reset). Each row records the transaction
 * that last wrote it, so a reader can ask for the rows written since it last looked.
 */
@Repository
public class ServiceLevelRepository implements CaseFoldTable {

    private final JdbcTemplate jdbc;
    private final TimelineJson json;
    private final String schema;

    @Autowired
    public ServiceLevelRepository(JdbcTemplate jdbc, TimelineJson json) {
        this(jdbc, json, ProjectionStorage.SCHEMA);
    }

    private ServiceLevelRepository(JdbcTemplate jdbc, TimelineJson json, String schema) {
        this.jdbc = jdbc;
        this.json = json;
        this.schema = schema;
    }

    @Override
    public CaseFoldTable rebuiltIn(String schema) {
        return new ServiceLevelRepository(jdbc, json, schema);
    }

    @Override
    public void saveAll(Collection<CaseTimeline> changed) {
        BatchRows.of(changed)
                .column("text", CaseTimeline::caseId)
                .column("int8", CaseTimeline::version)
                .column("timestamptz", timeline -> timeline.openedAt().toString())
                .column("text", timeline -> timeline.type().name())
                .column("text", timeline -> timeline.channel().name())
                .column("text", timeline -> timeline.category().name())
                .column("text", timeline -> timeline.priority().name())
                .column("text", timeline -> StorableText.of(timeline.agentId()))
                .column("text", timeline -> timeline.status().name())
                .column("int4", CaseTimeline::replies)
                .column("int4", CaseTimeline::reopens)
                .column("bool", CaseTimeline::resolvedEver)
                .column("int8", CaseTimeline::firstReplySeconds)
                .column("int8", CaseTimeline::firstResolutionSeconds)
                .column("int8", CaseTimeline::fullResolutionSeconds)
                .column("int8", CaseTimeline::requesterWaitSeconds)
                .column("text", this::resolutionChanges)
                .column("text", this::issuedRefunds)
                .column("int8", timeline -> timeline.followUps(FollowUpStatus.COMPLETED))
                .column("int8", timeline -> timeline.followUps(FollowUpStatus.MISSED))
                .column("int4", timeline -> timeline.surveys().csat())
                .column("int4", timeline -> timeline.surveys().nps())
                .column("int4", timeline -> gap(timeline, ServqualDimension.TANGIBLES))
                .column("int4", timeline -> gap(timeline, ServqualDimension.RELIABILITY))
                .column("int4", timeline -> gap(timeline, ServqualDimension.RESPONSIVENESS))
                .column("int4", timeline -> gap(timeline, ServqualDimension.ASSURANCE))
                .column("int4", timeline -> gap(timeline, ServqualDimension.EMPATHY))
                .column("int8", CaseTimeline::businessFirstReplySeconds)
                .column("int8", CaseTimeline::businessFirstResolutionSeconds)
                .column("int8", CaseTimeline::businessFullResolutionSeconds)
                .column("int8", CaseTimeline::businessRequesterWaitSeconds)
                .column("text", timeline -> name(timeline.firstReplyOutcome()))
                .column("text", timeline -> name(timeline.resolutionOutcome()))
                .column("int4", timeline -> timeline.nextReplyTargets(SlaOutcome.MET))
                .column("int4", timeline -> timeline.nextReplyTargets(SlaOutcome.BREACHED))
                .write(jdbc, UPSERT.formatted(schema));
    }

    /** The instants as a PostgreSQL array literal, which the statement casts to {@code timestamptz[]}. */
    private String resolutionChanges(CaseTimeline timeline) {
        List<Instant> changes = timeline.resolutionChanges();
        StringBuilder literal = new StringBuilder(2 + changes.size() * 22).append('{');
        for (Instant change : changes) {
            literal.append(literal.length() > 1 ? "," : "").append(change);
        }
        return literal.append('}').toString();
    }

    private String issuedRefunds(CaseTimeline timeline) {
        List<Money> refunds = timeline.issuedRefunds();
        return refunds.isEmpty() ? null : json.write(refunds);
    }

    private static String name(SlaOutcome outcome) {
        return outcome == null ? null : outcome.name();
    }

    private static Integer gap(CaseTimeline timeline, ServqualDimension dimension) {
        Map<ServqualDimension, ServqualRating> servqual = timeline.surveys().servqual();
        ServqualRating rating = servqual == null ? null : servqual.get(dimension);
        return rating == null ? null : rating.perception() - rating.expectation();
    }

    private static final String UPSERT = """
            insert into %s.service_level_case
                (case_id, version, opened_at, type, channel, category, priority, agent_id, status, replies, reopens,
                 resolved_ever, first_reply_seconds, first_resolution_seconds, full_resolution_seconds,
                 requester_wait_seconds, resolution_changes, issued_refunds, refunded, follow_ups_completed,
                 follow_ups_missed, csat, nps, gap_tangibles, gap_reliability, gap_responsiveness, gap_assurance,
                 gap_empathy, business_first_reply_seconds, business_first_resolution_seconds,
                 business_full_resolution_seconds, business_requester_wait_seconds, sla_first_reply_outcome,
                 sla_resolution_outcome, sla_next_replies_met, sla_next_replies_breached)
            select case_id, version, opened_at, type, channel, category, priority, agent_id, status, replies, reopens,
                   resolved_ever, first_reply_seconds, first_resolution_seconds, full_resolution_seconds,
                   requester_wait_seconds, cast(resolution_changes as timestamptz[]), cast(issued_refunds as jsonb),
                   issued_refunds is not null, follow_ups_completed, follow_ups_missed, csat, nps, gap_tangibles,
                   gap_reliability, gap_responsiveness, gap_assurance, gap_empathy, business_first_reply_seconds,
                   business_first_resolution_seconds, business_full_resolution_seconds,
                   business_requester_wait_seconds, sla_first_reply_outcome, sla_resolution_outcome,
                   sla_next_replies_met, sla_next_replies_breached
            from unnest(cast(? as text[]), cast(? as bigint[]), cast(? as timestamptz[]), cast(? as text[]),
                        cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                        cast(? as int[]), cast(? as int[]), cast(? as boolean[]), cast(? as bigint[]),
                        cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]), cast(? as text[]),
                        cast(? as text[]), cast(? as bigint[]), cast(? as bigint[]), cast(? as int[]), cast(? as int[]),
                        cast(? as int[]), cast(? as int[]), cast(? as int[]), cast(? as int[]), cast(? as int[]),
                        cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]),
                        cast(? as text[]), cast(? as text[]), cast(? as int[]), cast(? as int[]))
                 as row (case_id, version, opened_at, type, channel, category, priority, agent_id, status, replies,
                         reopens, resolved_ever, first_reply_seconds, first_resolution_seconds,
                         full_resolution_seconds, requester_wait_seconds, resolution_changes, issued_refunds,
                         follow_ups_completed, follow_ups_missed, csat, nps, gap_tangibles, gap_reliability,
                         gap_responsiveness, gap_assurance, gap_empathy, business_first_reply_seconds,
                         business_first_resolution_seconds, business_full_resolution_seconds,
                         business_requester_wait_seconds, sla_first_reply_outcome, sla_resolution_outcome,
                         sla_next_replies_met, sla_next_replies_breached)
            on conflict (case_id) do update set
                version = excluded.version, opened_at = excluded.opened_at, type = excluded.type,
                channel = excluded.channel, category = excluded.category, priority = excluded.priority,
                agent_id = excluded.agent_id, status = excluded.status, replies = excluded.replies,
                reopens = excluded.reopens, resolved_ever = excluded.resolved_ever,
                first_reply_seconds = excluded.first_reply_seconds,
                first_resolution_seconds = excluded.first_resolution_seconds,
                full_resolution_seconds = excluded.full_resolution_seconds,
                requester_wait_seconds = excluded.requester_wait_seconds,
                resolution_changes = excluded.resolution_changes, issued_refunds = excluded.issued_refunds,
                refunded = excluded.refunded, follow_ups_completed = excluded.follow_ups_completed,
                follow_ups_missed = excluded.follow_ups_missed, csat = excluded.csat, nps = excluded.nps,
                gap_tangibles = excluded.gap_tangibles, gap_reliability = excluded.gap_reliability,
                gap_responsiveness = excluded.gap_responsiveness, gap_assurance = excluded.gap_assurance,
                gap_empathy = excluded.gap_empathy,
                business_first_reply_seconds = excluded.business_first_reply_seconds,
                business_first_resolution_seconds = excluded.business_first_resolution_seconds,
                business_full_resolution_seconds = excluded.business_full_resolution_seconds,
                business_requester_wait_seconds = excluded.business_requester_wait_seconds,
                sla_first_reply_outcome = excluded.sla_first_reply_outcome,
                sla_resolution_outcome = excluded.sla_resolution_outcome,
                sla_next_replies_met = excluded.sla_next_replies_met,
                sla_next_replies_breached = excluded.sla_next_replies_breached, changed_by = pg_current_xact_id()
            where service_level_case.version < excluded.version
            """;

    /** Empties the table and counts the reset, so that readers holding its rows start over. */
    @Override
    public void deleteAll() {
        jdbc.update("truncate " + schema + ".service_level_case");
        jdbc.update("update projections.service_level_resets set resets = resets + 1 where id = 1");
    }

    /**
     * Where the table stands for a reader: how often it was reset, and the oldest transaction still running (every
     * transaction that has not finished may still write rows a later look must read).
     */
    record Look(long resets, String horizon) {

        static final Look NONE = new Look(-1, "0");
    }

    Look look() {
        return jdbc.queryForObject("""
                select resets, pg_snapshot_xmin(pg_current_snapshot())::text
                from projections.service_level_resets where id = 1""",
                (rs, row) -> new Look(rs.getLong(1), rs.getString(2)));
    }

    /**
     * Hands over the facts of every row written by a transaction at or after the horizon of an earlier look, in the
     * order the cases were opened.
     */
    void readWrittenSince(Look earlier, Consumer<CaseFacts> reader) {
        jdbc.query(WRITTEN_SINCE, rs -> {
            reader.accept(facts(rs));
        }, earlier.horizon());
    }

    private static final String WRITTEN_SINCE = """
            select case_id, opened_at, type, channel, category, priority, agent_id, status, replies, reopens,
                   resolved_ever, first_reply_seconds, first_resolution_seconds, full_resolution_seconds,
                   requester_wait_seconds, resolution_changes, issued_refunds, refunded, follow_ups_completed,
                   follow_ups_missed, csat, nps, gap_tangibles, gap_reliability, gap_responsiveness, gap_assurance,
                   gap_empathy, business_first_reply_seconds, business_first_resolution_seconds,
                   business_full_resolution_seconds, business_requester_wait_seconds, sla_first_reply_outcome,
                   sla_resolution_outcome, sla_next_replies_met, sla_next_replies_breached
            from projections.service_level_case
            where changed_by >= cast(? as xid8)
            order by opened_at, case_id
            """;

    private static final String[] GAP_COLUMNS = Arrays.stream(ServqualDimension.values())
            .map(dimension -> "gap_" + dimension.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);

    private CaseFacts facts(ResultSet rs) throws SQLException {
        int[] gaps = null;
        for (ServqualDimension dimension : ServqualDimension.values()) {
            int gap = orNone(rs, GAP_COLUMNS[dimension.ordinal()]);
            if (gap != CaseFacts.NONE) {
                if (gaps == null) {
                    gaps = new int[GAP_COLUMNS.length];
                    Arrays.fill(gaps, CaseFacts.NONE);
                }
                gaps[dimension.ordinal()] = gap;
            }
        }
        String issuedRefunds = rs.getString("issued_refunds");
        return new CaseFacts(rs.getString("case_id"), micros(rs.getTimestamp("opened_at")),
                CaseType.valueOf(rs.getString("type")), Channel.valueOf(rs.getString("channel")),
                Category.valueOf(rs.getString("category")), Priority.valueOf(rs.getString("priority")),
                rs.getString("agent_id"), CaseStatus.valueOf(rs.getString("status")),
                resolutionChanges(rs.getArray("resolution_changes")),
                rs.getInt("replies"), rs.getInt("reopens"), rs.getBoolean("resolved_ever"),
                seconds(rs, "first_reply_seconds"), seconds(rs, "first_resolution_seconds"),
                seconds(rs, "full_resolution_seconds"), seconds(rs, "requester_wait_seconds"),
                rs.getBoolean("refunded"), rs.getInt("follow_ups_completed"), rs.getInt("follow_ups_missed"),
                orNone(rs, "csat"), orNone(rs, "nps"), gaps,
                issuedRefunds == null ? List.of() : json.readMoney(issuedRefunds),
                seconds(rs, "business_first_reply_seconds"), seconds(rs, "business_first_resolution_seconds"),
                seconds(rs, "business_full_resolution_seconds"), seconds(rs, "business_requester_wait_seconds"),
                outcome(rs.getString("sla_first_reply_outcome")), outcome(rs.getString("sla_resolution_outcome")),
                rs.getInt("sla_next_replies_met"), rs.getInt("sla_next_replies_breached"));
    }

    private static SlaOutcome outcome(String stored) {
        return stored == null ? null : SlaOutcome.valueOf(stored);
    }

    private static long[] resolutionChanges(Array stored) throws SQLException {
        Timestamp[] changes = (Timestamp[]) stored.getArray();
        if (changes.length == 0) {
            return CaseFacts.NEVER_RESOLVED;
        }
        long[] micros = new long[changes.length];
        for (int i = 0; i < changes.length; i++) {
            micros[i] = micros(changes[i]);
        }
        return micros;
    }

    private static long micros(Timestamp timestamp) {
        return CaseFacts.micros(timestamp.toInstant());
    }

    private static long seconds(ResultSet rs, String column) throws SQLException {
        long seconds = rs.getLong(column);
        return rs.wasNull() ? CaseFacts.NONE : seconds;
    }

    private static int orNone(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? CaseFacts.NONE : value;
    }
}
