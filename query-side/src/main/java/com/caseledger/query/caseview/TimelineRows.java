package com.caseledger.query.caseview;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A table with one row per case that keeps the case's folded timeline in a {@code timeline} jsonb column. */
public abstract class TimelineRows implements TimelineTable {

    protected final NamedParameterJdbcTemplate jdbc;
    protected final TimelineJson json;
    private final String findTimeline;
    private final String findTimelines;

    protected TimelineRows(NamedParameterJdbcTemplate jdbc, TimelineJson json, String table) {
        this.jdbc = jdbc;
        this.json = json;
        this.findTimeline = "select timeline from " + table + " where case_id = :caseId";
        this.findTimelines = "select case_id, timeline from " + table + " where case_id in (:caseIds)";
    }

    @Override
    public Optional<CaseTimeline> find(String caseId) {
        return jdbc.query(findTimeline, new MapSqlParameterSource("caseId", caseId), (rs, row) -> json.read(rs.getString(1)))
                .stream().findFirst();
    }

    @Override
    public Map<String, CaseTimeline> findAll(Collection<String> caseIds) {
        Map<String, CaseTimeline> found = new HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.query(findTimelines, new MapSqlParameterSource("caseIds", List.copyOf(caseIds)),
                    rs -> { found.put(rs.getString(1), json.read(rs.getString(2))); });
        }
        return found;
    }

    /** Runs the upsert once per timeline in one batch; answers each row's update count. */
    protected int[] upsert(String sql, Collection<CaseTimeline> timelines, Function<CaseTimeline, SqlParameterSource> row) {
        if (timelines.isEmpty()) {
            return new int[0];
        }
        return jdbc.batchUpdate(sql, timelines.stream().map(row).toArray(SqlParameterSource[]::new));
    }
}
