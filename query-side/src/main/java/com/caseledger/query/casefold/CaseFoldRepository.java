package com.caseledger.query.casefold;

import com.caseledger.platform.database.StorableText;
import com.caseledger.query.config.ProjectionStorage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Owns {@code projections.case_fold}: every case's {@link CaseTimeline}, stored once, with the revision of its
 * format ({@link TimelineFormat}; rows of revision 1 hold JSON, rows of revision 2 the binary form without the SLA
 * fields and rows of revision 3 the binary form without the SLA outcomes; all are still read, and are rewritten in the
 * current format when their case next changes). A row of a revision this version does not know is refused rather than read
 * wrongly: a changed fold ships with a migration of the stored rows, or the projection is rebuilt.
 */
@Repository
public class CaseFoldRepository {

    private static final int JSON_REVISION = 1;

    private final JdbcTemplate jdbc;
    private final TimelineJson json;
    private final String schema;
    private final String upsert;

    @Autowired
    public CaseFoldRepository(JdbcTemplate jdbc, TimelineJson json) {
        this(jdbc, json, ProjectionStorage.SCHEMA);
    }

    private CaseFoldRepository(JdbcTemplate jdbc, TimelineJson json, String schema) {
        this.jdbc = jdbc;
        this.json = json;
        this.schema = schema;
        this.upsert = UPSERT.formatted(schema, TimelineFormat.REVISION);
    }

    /** The same table in another schema, where a rebuild folds every case beside the live folds. */
    public CaseFoldRepository rebuiltIn(String schema) {
        return new CaseFoldRepository(jdbc, json, schema);
    }

    public Optional<CaseTimeline> find(String caseId) {
        return jdbc.query("select revision, timeline from " + schema + ".case_fold where case_id = ?",
                (rs, row) -> read(rs.getInt(1), rs.getBytes(2)), caseId).stream().findFirst();
    }

    /** The stored folds of those of the cases that have one, by case id. */
    public Map<String, CaseTimeline> findAll(Collection<String> caseIds) {
        Map<String, CaseTimeline> found = new HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.execute((Connection connection) -> {
                Array ids = connection.createArrayOf("text", caseIds.toArray());
                try (PreparedStatement statement = connection.prepareStatement(
                        "select case_id, revision, timeline from " + schema + ".case_fold where case_id = any(?)")) {
                    statement.setArray(1, ids);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1), read(rs.getInt(2), rs.getBytes(3)));
                        }
                    }
                } finally {
                    ids.free();
                }
                return found;
            });
        }
        return found;
    }

    /** The stored folds of the customer's cases, by case id. */
    Map<String, CaseTimeline> findAllOfCustomer(String customerId) {
        Map<String, CaseTimeline> found = new HashMap<>();
        jdbc.query("select case_id, revision, timeline from " + schema + ".case_fold where customer_id = ?",
                (ResultSet rs) -> {
                    found.put(rs.getString(1), read(rs.getInt(2), rs.getBytes(3)));
                }, customerId);
        return found;
    }

    /**
     * Stores the folds, each unless a newer version of it is stored already (a fold erased at its version replaces
     * the stored one); answers the ones it stored.
     */
    List<CaseTimeline> saveAll(Collection<CaseTimeline> timelines) {
        Set<String> stored = BatchRows.of(timelines)
                .column("text", CaseTimeline::caseId)
                .column("int8", CaseTimeline::version)
                .column("text", timeline -> StorableText.of(timeline.customerId()))
                .bytes(TimelineFormat::write)
                .writeAnswering(jdbc, upsert);
        return timelines.stream().filter(timeline -> stored.contains(timeline.caseId())).toList();
    }

    private static final String UPSERT = """
            insert into %s.case_fold (case_id, version, customer_id, revision, timeline)
            select case_id, version, customer_id, %d, timeline
            from unnest(cast(? as text[]), cast(? as bigint[]), cast(? as text[]), cast(? as bytea[]))
                as row (case_id, version, customer_id, timeline)
            on conflict (case_id) do update set
                version = excluded.version, customer_id = excluded.customer_id, revision = excluded.revision,
                timeline = excluded.timeline
            where case_fold.version <= excluded.version
            returning case_id
            """;

    void deleteAll() {
        jdbc.update("truncate " + schema + ".case_fold");
    }

    private CaseTimeline read(int revision, byte[] timeline) {
        if (TimelineFormat.reads(revision)) {
            return TimelineFormat.read(timeline, revision);
        }
        if (revision == JSON_REVISION) {
            return json.read(timeline);
        }
        throw new IllegalStateException("A stored case fold has revision " + revision + "; this version of "
                + "CaseLedger reads revisions " + JSON_REVISION + " to " + TimelineFormat.REVISION + ". Migrate the "
                + "stored folds or rebuild the projections.");
    }
}
