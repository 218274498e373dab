package com.caseledger.query.followups;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.FollowUpStatus;
import com.caseledger.query.casefold.CaseFoldTable;
import com.caseledger.query.casefold.CaseTimeline;
import com.caseledger.query.casefold.FollowUpView;
import com.caseledger.platform.database.StorableText;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Owns {@code projections.follow_up}: every follow-up call with what the callers' worklist shows of its case. */
@Repository
public class FollowUpWorklistRepository implements CaseFoldTable {

    private final NamedParameterJdbcTemplate jdbc;

    public FollowUpWorklistRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveAll(Collection<CaseTimeline> changed) {
        List<SqlParameterSource> calls = new ArrayList<>();
        for (CaseTimeline timeline : changed) {
            for (FollowUpView call : timeline.followUps()) {
                calls.add(new MapSqlParameterSource()
                        .addValue("caseId", timeline.caseId())
                        .addValue("followUpId", StorableText.of(call.followUpId()))
                        .addValue("status", call.status().name())
                        .addValue("scheduledFor", Timestamp.from(call.scheduledFor()))
                        .addValue("purpose", StorableText.of(call.purpose()))
                        .addValue("automatic", call.automatic())
                        .addValue("customerId", StorableText.of(timeline.customerId()))
                        .addValue("subject", StorableText.of(timeline.subject()))
                        .addValue("caseStatus", timeline.status().name()));
            }
        }
        if (!calls.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into projections.follow_up (case_id, follow_up_id, status, scheduled_for, purpose, automatic,
                                                       customer_id, subject, case_status)
                    values (:caseId, :followUpId, :status, :scheduledFor, :purpose, :automatic, :customerId, :subject,
                            :caseStatus)
                    on conflict (case_id, follow_up_id) do update set
                        status = excluded.status, scheduled_for = excluded.scheduled_for, purpose = excluded.purpose,
                        automatic = excluded.automatic, customer_id = excluded.customer_id, subject = excluded.subject,
                        case_status = excluded.case_status
                    """, calls.toArray(SqlParameterSource[]::new));
        }
    }

    @Override
    public void deleteAll() {
        jdbc.getJdbcTemplate().update("delete from projections.follow_up");
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
