package com.caseledger.query.followups;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.FollowUpStatus;
import com.caseledger.query.casefold.BatchRows;
import com.caseledger.query.casefold.CaseFoldTable;
import com.caseledger.query.casefold.CaseTimeline;
import com.caseledger.query.casefold.FollowUpView;
import com.caseledger.query.config.ProjectionStorage;
import org.springframework.beans.factory.annotation.Autowired;
import com.caseledger.platform.database.StorableText;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Owns {@code projections.follow_up}: every follow-up call with what the callers' worklist shows of its case. */
@Repository
public class FollowUpWorklistRepository implements CaseFoldTable {

    private final NamedParameterJdbcTemplate jdbc;
    private final String schema;

    @Autowired
    public FollowUpWorklistRepository(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, ProjectionStorage.SCHEMA);
    }

    private FollowUpWorklistRepository(NamedParameterJdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    @Override
    public CaseFoldTable rebuiltIn(String schema) {
        return new FollowUpWorklistRepository(jdbc, schema);
    }

    @Override
    public void saveAll(Collection<CaseTimeline> changed) {
        // one row per call as stored: two ids that only differ where PostgreSQL cannot store them are one call
        Map<List<String>, Call> calls = new LinkedHashMap<>();
        for (CaseTimeline timeline : changed) {
            for (FollowUpView call : timeline.followUps()) {
                String followUpId = StorableText.of(call.followUpId());
                calls.put(List.of(timeline.caseId(), followUpId), new Call(timeline, call, followUpId));
            }
        }
        BatchRows.of(calls.values())
                .column("text", call -> call.timeline().caseId())
                .column("text", Call::followUpId)
                .column("text", call -> call.view().status().name())
                .column("timestamptz", call -> call.view().scheduledFor().toString())
                .column("text", call -> StorableText.of(call.view().purpose()))
                .column("bool", call -> call.view().automatic())
                .column("text", call -> StorableText.of(call.timeline().customerId()))
                .column("text", call -> StorableText.of(call.timeline().subject()))
                .column("text", call -> call.timeline().status().name())
                .write(jdbc.getJdbcTemplate(), UPSERT.formatted(schema));
    }

    private record Call(CaseTimeline timeline, FollowUpView view, String followUpId) {
    }

    private static final String UPSERT = """
            insert into %s.follow_up (case_id, follow_up_id, status, scheduled_for, purpose, automatic,
                                               customer_id, subject, case_status)
            select * from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as timestamptz[]),
                                 cast(? as text[]), cast(? as boolean[]), cast(? as text[]), cast(? as text[]),
                                 cast(? as text[]))
            on conflict (case_id, follow_up_id) do update set
                status = excluded.status, scheduled_for = excluded.scheduled_for, purpose = excluded.purpose,
                automatic = excluded.automatic, customer_id = excluded.customer_id, subject = excluded.subject,
                case_status = excluded.case_status
            """;

    @Override
    public void deleteAll() {
        jdbc.getJdbcTemplate().update("truncate " + schema + ".follow_up");
    }

    public Worklist worklist(FollowUpStatus status, Instant dueBefore, int page, int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("status", status == null ? null : status.name())
                .addValue("dueBefore", dueBefore == null ? null : Timestamp.from(dueBefore));
        String where = """
                 where (cast(:status as varchar) is null or status = :status)
                   and (cast(:dueBefore as timestamptz) is null or scheduled_for < :dueBefore)
                """;
        Long total = jdbc.queryForObject("select count(*) from projections.follow_up" + where, parameters, Long.class);
        parameters.addValue("limit", size).addValue("offset", (long) page * size);
        List<WorklistItem> items = jdbc.query("select * from projections.follow_up" + where
                        + " order by scheduled_for, case_id, follow_up_id limit :limit offset :offset", parameters,
                (rs, row) -> new WorklistItem(rs.getString("case_id"), rs.getString("follow_up_id"),
                        FollowUpStatus.valueOf(rs.getString("status")), rs.getTimestamp("scheduled_for").toInstant(),
                        rs.getString("purpose"), rs.getBoolean("automatic"), rs.getString("customer_id"),
                        rs.getString("subject"), CaseStatus.valueOf(rs.getString("case_status"))));
        return new Worklist(items, page, size, total == null ? 0 : total);
    }
}
