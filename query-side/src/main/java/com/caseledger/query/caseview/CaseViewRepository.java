package com.caseledger.query.caseview;

import com.caseledger.platform.database.StorableText;
import com.caseledger.query.casefold.BatchRows;
import com.caseledger.query.casefold.CaseFoldRepository;
import com.caseledger.query.casefold.CaseFoldTable;
import com.caseledger.query.casefold.CaseTimeline;
import com.caseledger.query.casefold.SlaClocks;
import com.caseledger.query.casefold.SlaStatus;
import com.caseledger.events.sla.TargetReading;
import com.caseledger.query.config.ProjectionStorage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Owns {@code projections.case_view}: the columns the case list filters and sorts on. The view itself is read from
 * the case's fold. Each SLA target's row columns hold its clock's state and due instant as the case's events left
 * them; whether a running target is ACTIVE or BREACHED is decided by the query at the instant of the read.
 */
@Repository
public class CaseViewRepository implements CaseFoldTable {

    /** The column prefixes of the SLA targets, each with its clock's state and due instant. */
    private static final List<String> TARGETS = List.of("first_reply", "next_reply", "resolution");

    /**
     * A target's status at {@code :now} from its row: a RUNNING clock is ACTIVE until its due instant and BREACHED
     * after it (as {@link SlaClocks#at} says); the other states are stored as they are.
     */
    private static final Map<SlaStatus, String> SLA_STATUS = Map.of(
            SlaStatus.ACTIVE, anyTarget("sla_%1$s_state = 'RUNNING' and sla_%1$s_due >= :now"),
            SlaStatus.PAUSED, anyTarget("sla_%1$s_state = 'PAUSED'"),
            SlaStatus.MET, anyTarget("sla_%1$s_state = 'MET'"),
            SlaStatus.BREACHED,
            anyTarget("sla_%1$s_state = 'BREACHED' or (sla_%1$s_state = 'RUNNING' and sla_%1$s_due < :now)"));

    /** The nearest due instant among the case's ACTIVE targets; null without one. */
    private static final String NEAREST_ACTIVE_DUE = "least(" + String.join(", ", TARGETS.stream()
            .map("case when sla_%1$s_state = 'RUNNING' and sla_%1$s_due >= :now then sla_%1$s_due end"::formatted)
            .toList()) + ")";

    private static String anyTarget(String condition) {
        return "(" + String.join(" or ", TARGETS.stream().map(target -> "(" + condition.formatted(target) + ")")
                .toList()) + ")";
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseFoldRepository folds;
    private final CaseViewVersions versions;

    private final String schema;

    @Autowired
    public CaseViewRepository(NamedParameterJdbcTemplate jdbc, CaseFoldRepository folds, CaseViewVersions versions) {
        this(jdbc, folds, versions, ProjectionStorage.SCHEMA);
    }

    private CaseViewRepository(NamedParameterJdbcTemplate jdbc, CaseFoldRepository folds, CaseViewVersions versions,
                               String schema) {
        this.jdbc = jdbc;
        this.folds = folds;
        this.versions = versions;
        this.schema = schema;
    }

    /** Rows written in another schema wake no reader: nobody reads them before the rebuild's switch. */
    @Override
    public CaseFoldTable rebuiltIn(String schema) {
        return new CaseViewRepository(jdbc, folds.rebuiltIn(schema), new CaseViewVersions(), schema);
    }

    public Optional<CaseTimeline> find(String caseId) {
        return folds.find(caseId);
    }

    @Override
    public void saveAll(Collection<CaseTimeline> changed) {
        List<Row> rows = changed.stream().map(Row::new).toList();
        BatchRows.of(rows)
                .column("text", row -> row.timeline().caseId())
                .column("int8", row -> row.timeline().version())
                .column("text", row -> row.timeline().type().name())
                .column("text", row -> row.timeline().status().name())
                .column("text", row -> row.timeline().channel().name())
                .column("text", row -> row.timeline().category().name())
                .column("text", row -> row.timeline().priority().name())
                .column("text", row -> StorableText.of(row.timeline().customerId()))
                .column("text", row -> StorableText.of(row.timeline().agentId()))
                .column("timestamptz", row -> row.timeline().openedAt().toString())
                .column("text", row -> state(row.sla() == null ? null : row.sla().firstReply()))
                .column("timestamptz", row -> dueAt(row.sla() == null ? null : row.sla().firstReply()))
                .column("text", row -> state(row.sla() == null ? null : row.sla().nextReply()))
                .column("timestamptz", row -> dueAt(row.sla() == null ? null : row.sla().nextReply()))
                .column("text", row -> state(row.sla() == null ? null : row.sla().resolution()))
                .column("timestamptz", row -> dueAt(row.sla() == null ? null : row.sla().resolution()))
                .write(jdbc.getJdbcTemplate(), UPSERT.formatted(schema));
    }

    /** A case and its SLA clocks, measured once for its row. */
    private record Row(CaseTimeline timeline, SlaClocks sla) {
        Row(CaseTimeline timeline) {
            this(timeline, timeline.slaClocks());
        }
    }

    private static String state(TargetReading clock) {
        return clock == null ? null : clock.state().name();
    }

    private static String dueAt(TargetReading clock) {
        return clock == null || clock.dueAt() == null ? null : clock.dueAt().toString();
    }

    @Override
    public void committed(Collection<CaseTimeline> changed) {
        versions.committed(changed);
    }

    private static final String UPSERT = """
            insert into %s.case_view
                (case_id, version, type, status, channel, category, priority, customer_id, agent_id, opened_at,
                 sla_first_reply_state, sla_first_reply_due, sla_next_reply_state, sla_next_reply_due,
                 sla_resolution_state, sla_resolution_due)
            select * from unnest(cast(? as text[]), cast(? as bigint[]), cast(? as text[]), cast(? as text[]),
                                 cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                 cast(? as text[]), cast(? as timestamptz[]),
                                 cast(? as text[]), cast(? as timestamptz[]), cast(? as text[]),
                                 cast(? as timestamptz[]), cast(? as text[]), cast(? as timestamptz[]))
            on conflict (case_id) do update set
                version = excluded.version, type = excluded.type, status = excluded.status,
                channel = excluded.channel, category = excluded.category, priority = excluded.priority,
                customer_id = excluded.customer_id, agent_id = excluded.agent_id, opened_at = excluded.opened_at,
                sla_first_reply_state = excluded.sla_first_reply_state,
                sla_first_reply_due = excluded.sla_first_reply_due,
                sla_next_reply_state = excluded.sla_next_reply_state,
                sla_next_reply_due = excluded.sla_next_reply_due,
                sla_resolution_state = excluded.sla_resolution_state,
                sla_resolution_due = excluded.sla_resolution_due
            where case_view.version < excluded.version
            """;

    @Override
    public void deleteAll() {
        jdbc.getJdbcTemplate().update("truncate " + schema + ".case_view");
    }

    /** @param behindAmong which of the page's cases have views that lack events (parked or evicted dead letters) */
    public CasePage list(CaseFilter filter, CaseOrder order, int page, int size,
                         Function<Collection<String>, Set<String>> behindAmong) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        condition(conditions, parameters, "status", "status = :status", filter.status());
        condition(conditions, parameters, "type", "type = :type", filter.type());
        condition(conditions, parameters, "channel", "channel = :channel", filter.channel());
        condition(conditions, parameters, "category", "category = :category", filter.category());
        condition(conditions, parameters, "priority", "priority = :priority", filter.priority());
        condition(conditions, parameters, "agentId", "agent_id = :agentId", filter.agentId());
        condition(conditions, parameters, "customerId", "customer_id = :customerId", filter.customerId());
        condition(conditions, parameters, "openedFrom", "opened_at >= :openedFrom",
                filter.openedFrom() == null ? null : Timestamp.from(filter.openedFrom()));
        condition(conditions, parameters, "openedTo", "opened_at < :openedTo",
                filter.openedTo() == null ? null : Timestamp.from(filter.openedTo()));
        if (filter.slaStatus() != null) {
            conditions.add(SLA_STATUS.get(filter.slaStatus()));
        }
        parameters.addValue("now", Timestamp.from(filter.now()));
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Long total = jdbc.queryForObject("select count(*) from projections.case_view" + where, parameters, Long.class);
        parameters.addValue("limit", size).addValue("offset", (long) page * size);
        String orderBy = order == CaseOrder.SLA_DUE
                ? " order by " + NEAREST_ACTIVE_DUE + " nulls last, opened_at desc, case_id"
                : " order by opened_at desc, case_id";
        List<String> caseIds = jdbc.queryForList("select case_id from projections.case_view" + where
                + orderBy + " limit :limit offset :offset", parameters, String.class);
        Map<String, CaseTimeline> found = folds.findAll(caseIds);
        Set<String> behind = behindAmong.apply(caseIds);
        List<CaseView> items = caseIds.stream().filter(found::containsKey).map(found::get)
                .map(timeline -> CaseView.of(timeline, filter.now(), behind.contains(timeline.caseId()))).toList();
        return new CasePage(items, page, size, total == null ? 0 : total);
    }

    private static void condition(List<String> conditions, MapSqlParameterSource parameters, String name,
                                  String sql, Object value) {
        if (value != null) {
            conditions.add(sql);
            parameters.addValue(name, value instanceof Enum<?> e ? e.name() : value);
        }
    }
}
