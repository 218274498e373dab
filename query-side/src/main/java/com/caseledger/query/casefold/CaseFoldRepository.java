package com.caseledger.query.casefold;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Owns {@code projections.case_fold}: every case's {@link CaseTimeline}, stored once, with the revision of its
 * format. A row of another revision is refused rather than read wrongly: a changed fold ships with a migration of
 * the stored rows, or the projection is rebuilt.
 */
@Repository
public class CaseFoldRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final TimelineJson json;

    public CaseFoldRepository(NamedParameterJdbcTemplate jdbc, TimelineJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<CaseTimeline> find(String caseId) {
        return jdbc.query("select revision, timeline from projections.case_fold where case_id = :caseId",
                new MapSqlParameterSource("caseId", caseId), (rs, row) -> read(rs.getInt(1), rs.getString(2)))
                .stream().findFirst();
    }

    /** The stored folds of those of the cases that have one, by case id. */
    public Map<String, CaseTimeline> findAll(Collection<String> caseIds) {
        Map<String, CaseTimeline> found = new HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.query("select case_id, revision, timeline from projections.case_fold where case_id in (:caseIds)",
                    new MapSqlParameterSource("caseIds", List.copyOf(caseIds)),
                    rs -> { found.put(rs.getString(1), read(rs.getInt(2), rs.getString(3))); });
        }
        return found;
    }

    /** Stores the folds, each unless a newer version of it is stored already; answers the ones it stored. */
    List<CaseTimeline> saveAll(Collection<CaseTimeline> timelines) {
        if (timelines.isEmpty()) {
            return List.of();
        }
        List<CaseTimeline> folds = List.copyOf(timelines);
        int[] stored = jdbc.batchUpdate("""
                insert into projections.case_fold (case_id, version, revision, timeline)
                values (:caseId, :version, :revision, cast(:timeline as jsonb))
                on conflict (case_id) do update set
                    version = excluded.version, revision = excluded.revision, timeline = excluded.timeline
                where case_fold.version < excluded.version
                """, folds.stream().map(timeline -> new MapSqlParameterSource()
                .addValue("caseId", timeline.caseId())
                .addValue("version", timeline.version())
                .addValue("revision", CaseTimeline.REVISION)
                .addValue("timeline", json.write(timeline))).toArray(SqlParameterSource[]::new));
        List<CaseTimeline> written = new ArrayList<>(folds.size());
        for (int i = 0; i < folds.size(); i++) {
            if (stored[i] != 0) {
                written.add(folds.get(i));
            }
        }
        return written;
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().update("delete from projections.case_fold");
    }

    private CaseTimeline read(int revision, String timeline) {
        if (revision != CaseTimeline.REVISION) {
            throw new IllegalStateException("A stored case fold has revision " + revision + "; this version of "
                    + "CaseLedger reads revision " + CaseTimeline.REVISION + ". Migrate the stored folds or rebuild "
                    + "the projections.");
        }
        return json.read(timeline);
    }
}
