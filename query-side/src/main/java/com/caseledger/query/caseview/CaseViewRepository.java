package com.caseledger.query.caseview;

import com.caseledger.platform.database.StorableText;
import com.caseledger.query.casefold.BatchRows;
import com.caseledger.query.casefold.CaseFoldRepository;
import com.caseledger.query.casefold.CaseFoldTable;
import com.caseledger.query.casefold.CaseTimeline;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Owns {@code projections.case_view}: the columns the case list filters and sorts on. The view itself is read from
 * the case's fold.
 */
@Repository
public class CaseViewRepository implements CaseFoldTable {

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseFoldRepository folds;
    private final CaseViewVersions versions;

    public CaseViewRepository(NamedParameterJdbcTemplate jdbc, CaseFoldRepository folds, CaseViewVersions versions) {
        this.jdbc = jdbc;
        this.folds = folds;
        this.versions = versions;
    }

    public Optional<CaseTimeline> find(String caseId) {
        return folds.find(caseId);
    }

    @Override
    public void saveAll(Collection<CaseTimeline> changed) {
        BatchRows.of(changed)
                .column("text", CaseTimeline::caseId)
                .column("int8", CaseTimeline::version)
                .column("text", timeline -> timeline.type().name())
                .column("text", timeline -> timeline.status().name())
                .column("text", timeline -> timeline.channel().name())
                .column("text", timeline -> timeline.category().name())
                .column("text", timeline -> timeline.priority().name())
                .column("text", timeline -> StorableText.of(timeline.customerId()))
                .column("text", timeline -> StorableText.of(timeline.agentId()))
                .column("timestamptz", timeline -> timeline.openedAt().toString())
                .write(jdbc.getJdbcTemplate(), UPSERT);
    }

    @Override
    public void committed(Collection<CaseTimeline> changed) {
        versions.committed(changed);
    }

    private static final String UPSERT = """
            insert into projections.case_view
                (case_id, version, type, status, channel, category, priority, customer_id, agent_id, opened_at)
            select * from unnest(cast(? as text[]), cast(? as bigint[]), cast(? as text[]), cast(? as text[]),
                                 cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                 cast(? as text[]), cast(? as timestamptz[]))
            on conflict (case_id) do update set
                version = excluded.version, type = excluded.type, status = excluded.status,
                channel = excluded.channel, category = excluded.category, priority = excluded.priority,
                customer_id = excluded.customer_id, agent_id = excluded.agent_id, opened_at = excluded.opened_at
            where case_view.version < excluded.version
            """;

    @Override
    public void deleteAll() {
        jdbc.getJdbcTemplate().update("truncate projections.case_view");
    }

    public CasePage list(CaseFilter filter, int page, int size) {
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
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Long total = jdbc.queryForObject("select count(*) from projections.case_view" + where, parameters, Long.class);
        parameters.addValue("limit", size).addValue("offset", (long) page * size);
        List<String> caseIds = jdbc.queryForList("select case_id from projections.case_view" + where
                + " order by opened_at desc, case_id limit :limit offset :offset", parameters, String.class);
        Map<String, CaseTimeline> found = folds.findAll(caseIds);
        List<CaseView> items = caseIds.stream().filter(found::containsKey).map(found::get).map(CaseView::of).toList();
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
