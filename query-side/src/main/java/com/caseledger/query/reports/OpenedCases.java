package com.caseledger.query.reports;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.query.casefold.SlaOutcome;

import java.util.List;

/**
 * The facts of the cases opened in a period, in the order they were opened: case {@code i} of the period, from 0 to
 * {@link #size()}. A view of {@link CaseFactColumns}, valid while {@link ServiceLevelFacts} lends it to a report.
 */
final class OpenedCases {

    private static final CaseType[] TYPES = CaseType.values();
    private static final Channel[] CHANNELS = Channel.values();
    private static final Category[] CATEGORIES = Category.values();
    private static final Priority[] PRIORITIES = Priority.values();
    private static final boolean[] RESOLVED_OR_CLOSED = new boolean[CaseStatus.values().length];

    static {
        for (CaseStatus status : CaseStatus.values()) {
            RESOLVED_OR_CLOSED[status.ordinal()] = status.isResolvedOrClosed();
        }
    }

    private final CaseFactColumns columns;
    private final int[] byOpening;
    private final int first;
    private final int size;

    OpenedCases(CaseFactColumns columns, int[] byOpening, int first, int end) {
        this.columns = columns;
        this.byOpening = byOpening;
        this.first = first;
        this.size = Math.max(0, end - first);
    }

    int size() {
        return size;
    }

    /** Where case {@code i} of the period is held, for reading a whole column ({@link #column}). */
    int place(int i) {
        return byOpening[first + i];
    }

    /**
     * A duration metric's values of every case held, by place, in whole seconds of the given time or
     * {@link CaseFacts#NONE}.
     */
    long[] column(CohortTally.Duration duration, ReportTime time) {
        if (time == ReportTime.BUSINESS) {
            return switch (duration) {
                case FIRST_REPLY -> columns.businessFirstReply;
                case FIRST_RESOLUTION -> columns.businessFirstResolution;
                case FULL_RESOLUTION -> columns.businessFullResolution;
                case REQUESTER_WAIT -> columns.businessRequesterWait;
            };
        }
        return switch (duration) {
            case FIRST_REPLY -> columns.firstReply;
            case FIRST_RESOLUTION -> columns.firstResolution;
            case FULL_RESOLUTION -> columns.fullResolution;
            case REQUESTER_WAIT -> columns.requesterWait;
        };
    }

    long openedAt(int i) {
        return columns.openedAt[place(i)];
    }

    CaseType type(int i) {
        return TYPES[columns.type[place(i)]];
    }

    Channel channel(int i) {
        return CHANNELS[columns.channel[place(i)]];
    }

    Category category(int i) {
        return CATEGORIES[columns.category[place(i)]];
    }

    Priority priority(int i) {
        return PRIORITIES[columns.priority[place(i)]];
    }

    /** The agent's number, {@link CaseFactColumns#UNASSIGNED} for an unassigned case; see {@link #agentId(int)}. */
    int agent(int i) {
        return columns.agent[place(i)];
    }

    String agentId(int agent) {
        return agent == CaseFactColumns.UNASSIGNED ? null : columns.agents.get(agent);
    }

    /** The number of an agent, or {@link CaseFactColumns#UNASSIGNED} when no case of theirs is held. */
    int agentNumber(String agentId) {
        int number = columns.agents.indexOf(agentId);
        return number < 0 ? CaseFactColumns.UNASSIGNED - 1 : number;
    }

    int agentCount() {
        return columns.agents.size();
    }

    boolean resolvedNow(int i) {
        return RESOLVED_OR_CLOSED[columns.status[place(i)]];
    }

    boolean resolvedJustBefore(int i, long micros) {
        return columns.resolvedJustBefore(place(i), micros);
    }

    int replies(int i) {
        return columns.replies[place(i)];
    }

    int reopens(int i) {
        return columns.reopens[place(i)];
    }

    boolean resolvedEver(int i) {
        return columns.resolvedEver[place(i)];
    }

    boolean refunded(int i) {
        return columns.refunded[place(i)];
    }

    List<Money> issuedRefunds(int i) {
        return columns.issuedRefunds(place(i));
    }

    int followUpsCompleted(int i) {
        return columns.followUpsCompleted[place(i)];
    }

    int followUpsMissed(int i) {
        return columns.followUpsMissed[place(i)];
    }

    int csat(int i) {
        return columns.csat[place(i)];
    }

    int nps(int i) {
        return columns.nps[place(i)];
    }

    /** The latest outcome of the first reply target, or {@link CaseFactColumns#NO_OUTCOME}; see {@link SlaOutcome}. */
    byte firstReplyOutcome(int i) {
        return columns.firstReplyOutcome[place(i)];
    }

    /** The latest outcome of the resolution target, or {@link CaseFactColumns#NO_OUTCOME}; see {@link SlaOutcome}. */
    byte resolutionOutcome(int i) {
        return columns.resolutionOutcome[place(i)];
    }

    int nextRepliesMet(int i) {
        return columns.nextRepliesMet[place(i)];
    }

    int nextRepliesBreached(int i) {
        return columns.nextRepliesBreached[place(i)];
    }

    /** The SERVQUAL gap of a dimension (by ordinal), or {@link CaseFactColumns#NO_GAP}. */
    byte servqualGap(int i, int dimension) {
        return columns.servqualGap(place(i), dimension);
    }
}
