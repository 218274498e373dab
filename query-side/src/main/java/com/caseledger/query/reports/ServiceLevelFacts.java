package com.caseledger.query.reports;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.events.ServqualDimension;
import com.caseledger.query.casefold.TimelineJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every case's service-level facts, held in memory in the order the cases were opened, so a report adds up its
 * period's cases without reading them from the database. Before each report, only the rows written since the
 * previous look are read: each row records the transaction that last wrote it, and a look reads every row written by
 * a transaction that had not finished when the previous look began, so a row committed late is never missed. When
 * the projection was reset (a rebuild), the next look starts over.
 */
@Component
class ServiceLevelFacts {

    private static final Comparator<CaseFacts> OPENING = Comparator.comparingLong(CaseFacts::openedAt)
            .thenComparing(CaseFacts::caseId);
    private static final CaseFacts[] NONE = new CaseFacts[0];

    private final JdbcTemplate jdbc;
    private final TimelineJson json;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Every case in the order it was opened; cases opened out of order are sorted in before the next read. */
    private final List<CaseFacts> byOpening = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private boolean unsorted;
    private final Map<String, String> agentIds = new HashMap<>();
    private long resets = -1;
    private String horizon = "0";

    ServiceLevelFacts(JdbcTemplate jdbc, TimelineJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The facts of the cases opened in [from, to), in the order they were opened, as the table holds them now. */
    List<CaseFacts> openedBetween(Instant from, Instant to) {
        catchUp();
        lock.readLock().lock();
        try {
            int first = firstOpenedAtOrAfter(CaseFacts.micros(from));
            int end = firstOpenedAtOrAfter(CaseFacts.micros(to));
            return first >= end ? List.of() : Arrays.asList(byOpening.subList(first, end).toArray(NONE));
        } finally {
            lock.readLock().unlock();
        }
    }

    private int firstOpenedAtOrAfter(long micros) {
        int low = 0;
        int high = byOpening.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (byOpening.get(middle).openedAt() < micros) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private void catchUp() {
        lock.writeLock().lock();
        try {
            Map<String, Object> look = jdbc.queryForMap("""
                    select resets, pg_snapshot_xmin(pg_current_snapshot())::text as horizon
                    from projections.service_level_resets where id = 1""");
            long resetsNow = ((Number) look.get("resets")).longValue();
            if (resetsNow != resets) {
                byOpening.clear();
                positions.clear();
                agentIds.clear();
                horizon = "0";
            }
            jdbc.query(CHANGED_SINCE, this::keep, horizon);
            if (unsorted) {
                byOpening.sort(OPENING);
                for (int position = 0; position < byOpening.size(); position++) {
                    positions.put(byOpening.get(position).caseId(), position);
                }
                unsorted = false;
            }
            resets = resetsNow;
            horizon = (String) look.get("horizon");
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void keep(ResultSet rs) throws SQLException {
        int[] gaps = null;
        for (ServqualDimension dimension : ServqualDimension.values()) {
            int gap = orNone(rs, ServiceLevelRepository.gapColumn(dimension));
            if (gap != CaseFacts.NONE) {
                if (gaps == null) {
                    gaps = new int[ServqualDimension.values().length];
                    Arrays.fill(gaps, CaseFacts.NONE);
                }
                gaps[dimension.ordinal()] = gap;
            }
        }
        String agentId = rs.getString("agent_id");
        String issuedRefunds = rs.getString("issued_refunds");
        CaseFacts facts = new CaseFacts(rs.getString("case_id"), micros(rs, "opened_at"),
                CaseType.valueOf(rs.getString("type")), Channel.valueOf(rs.getString("channel")),
                Category.valueOf(rs.getString("category")), Priority.valueOf(rs.getString("priority")),
                agentId == null ? null : agentIds.computeIfAbsent(agentId, id -> id),
                CaseStatus.valueOf(rs.getString("status")), micros(rs, "status_changed_at"),
                rs.getInt("replies"), rs.getInt("reopens"), rs.getBoolean("resolved_ever"),
                seconds(rs, "first_reply_seconds"), seconds(rs, "first_resolution_seconds"),
                seconds(rs, "full_resolution_seconds"), seconds(rs, "requester_wait_seconds"),
                rs.getBoolean("refunded"), rs.getInt("follow_ups_completed"), rs.getInt("follow_ups_missed"),
                orNone(rs, "csat"), orNone(rs, "nps"), gaps,
                issuedRefunds == null ? List.of() : json.readMoney(issuedRefunds));
        // a case's opening never moves: a case seen before keeps its place
        Integer position = positions.get(facts.caseId());
        if (position != null) {
            byOpening.set(position, facts);
            return;
        }
        if (!byOpening.isEmpty() && OPENING.compare(facts, byOpening.get(byOpening.size() - 1)) < 0) {
            unsorted = true;
        }
        positions.put(facts.caseId(), byOpening.size());
        byOpening.add(facts);
    }

    private static long micros(ResultSet rs, String column) throws SQLException {
        return CaseFacts.micros(rs.getTimestamp(column).toInstant());
    }

    private static long seconds(ResultSet rs, String column) throws SQLException {
        long seconds = rs.getLong(column);
        return rs.wasNull() ? CaseFacts.NONE : seconds;
    }

    private static int orNone(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? CaseFacts.NONE : value;
    }

    private static final String CHANGED_SINCE = """
            select service_level_case.case_id, opened_at, type, channel, category, priority, agent_id, status, status_changed_at, replies,
                   reopens, resolved_ever, first_reply_seconds, first_resolution_seconds, full_resolution_seconds,
                   requester_wait_seconds, refunded, follow_ups_completed, follow_ups_missed, csat, nps, gap_tangibles,
                   gap_reliability, gap_responsiveness, gap_assurance, gap_empathy, lists.issued_refunds
            from projections.service_level_case
                 left join projections.service_level_case_lists lists
                        on service_level_case.refunded and lists.case_id = service_level_case.case_id
            where changed_by >= cast(? as xid8)
            """;
}
