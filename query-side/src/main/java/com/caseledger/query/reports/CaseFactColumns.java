package com.caseledger.query.reports;

import com.caseledger.events.Money;
import com.caseledger.events.ServqualDimension;
import com.caseledger.query.casefold.SlaOutcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every case's service-level facts held in memory as columns, one array per fact, a case at the same place in each:
 * a report reads a few facts of tens of thousands of cases one after another, which arrays serve from the processor's
 * caches where a record per case would be a memory access each. Cases keep their place when their facts change; the
 * place of a new case is the next one. Agents are numbered ({@link #agents}), instants are microseconds since the
 * epoch and {@link CaseFacts#NONE} stands for a value that does not exist (yet).
 */
final class CaseFactColumns {

    static final byte NO_GAP = Byte.MIN_VALUE;
    static final int UNASSIGNED = -1;
    /** An SLA outcome column holds this for a target without an outcome on record, else the outcome's ordinal. */
    static final byte NO_OUTCOME = -1;
    private static final int GAPS = ServqualDimension.values().length;

    int size;
    String[] caseId = new String[0];
    long[] openedAt = new long[0];
    byte[] type = new byte[0];
    byte[] channel = new byte[0];
    byte[] category = new byte[0];
    byte[] priority = new byte[0];
    byte[] status = new byte[0];
    int[] agent = new int[0];
    int[] replies = new int[0];
    int[] reopens = new int[0];
    boolean[] resolvedEver = new boolean[0];
    long[] firstReply = new long[0];
    long[] firstResolution = new long[0];
    long[] fullResolution = new long[0];
    long[] requesterWait = new long[0];
    long[] businessFirstReply = new long[0];
    long[] businessFirstResolution = new long[0];
    long[] businessFullResolution = new long[0];
    long[] businessRequesterWait = new long[0];
    byte[] firstReplyOutcome = new byte[0];
    byte[] resolutionOutcome = new byte[0];
    int[] nextRepliesMet = new int[0];
    int[] nextRepliesBreached = new int[0];
    boolean[] refunded = new boolean[0];
    int[] followUpsCompleted = new int[0];
    int[] followUpsMissed = new int[0];
    int[] csat = new int[0];
    int[] nps = new int[0];
    /** {@code GAPS} per case, in {@link ServqualDimension} order. */
    byte[] servqualGaps = new byte[0];
    /** How many resolution changes a case has, and the latest; the whole list only for cases with more than one. */
    int[] resolutionChanges = new int[0];
    long[] latestResolutionChange = new long[0];
    long[][] allResolutionChanges = new long[0][];
    /** The issued refunds of the cases that have any; null for the others. */
    List<?>[] issuedRefunds = new List<?>[0];

    final List<String> agents = new ArrayList<>();
    private final Map<String, Integer> agentNumbers = new HashMap<>();

    /** Puts a case's facts at a place: {@link #size} for a case not seen before. */
    void put(int place, CaseFacts facts) {
        if (place == size) {
            ensureCapacity(size + 1);
            size++;
        }
        caseId[place] = facts.caseId();
        openedAt[place] = facts.openedAt();
        type[place] = (byte) facts.type().ordinal();
        channel[place] = (byte) facts.channel().ordinal();
        category[place] = (byte) facts.category().ordinal();
        priority[place] = (byte) facts.priority().ordinal();
        status[place] = (byte) facts.status().ordinal();
        agent[place] = facts.agentId() == null ? UNASSIGNED
                : agentNumbers.computeIfAbsent(facts.agentId(), id -> {
                    agents.add(id);
                    return agents.size() - 1;
                });
        replies[place] = facts.replies();
        reopens[place] = facts.reopens();
        resolvedEver[place] = facts.resolvedEver();
        firstReply[place] = facts.firstReplySeconds();
        firstResolution[place] = facts.firstResolutionSeconds();
        fullResolution[place] = facts.fullResolutionSeconds();
        requesterWait[place] = facts.requesterWaitSeconds();
        businessFirstReply[place] = facts.businessFirstReplySeconds();
        businessFirstResolution[place] = facts.businessFirstResolutionSeconds();
        businessFullResolution[place] = facts.businessFullResolutionSeconds();
        businessRequesterWait[place] = facts.businessRequesterWaitSeconds();
        firstReplyOutcome[place] = outcome(facts.firstReplyOutcome());
        resolutionOutcome[place] = outcome(facts.resolutionOutcome());
        nextRepliesMet[place] = facts.nextRepliesMet();
        nextRepliesBreached[place] = facts.nextRepliesBreached();
        refunded[place] = facts.refunded();
        followUpsCompleted[place] = facts.followUpsCompleted();
        followUpsMissed[place] = facts.followUpsMissed();
        csat[place] = facts.csat();
        nps[place] = facts.nps();
        for (int dimension = 0; dimension < GAPS; dimension++) {
            int gap = facts.servqualGaps() == null ? CaseFacts.NONE : facts.servqualGaps()[dimension];
            servqualGaps[place * GAPS + dimension] = gap == CaseFacts.NONE ? NO_GAP : (byte) gap;
        }
        long[] changes = facts.resolutionChanges();
        resolutionChanges[place] = changes.length;
        latestResolutionChange[place] = changes.length == 0 ? 0 : changes[changes.length - 1];
        allResolutionChanges[place] = changes.length > 1 ? changes : null;
        issuedRefunds[place] = facts.issuedRefunds().isEmpty() ? null : facts.issuedRefunds();
    }

    private static byte outcome(SlaOutcome outcome) {
        return outcome == null ? NO_OUTCOME : (byte) outcome.ordinal();
    }

    /**
     * Whether the case at a place was RESOLVED or CLOSED just before the instant: whether the latest of its
     * resolution changes before it (they alternate, the first making it resolved) was one that made it so.
     */
    boolean resolvedJustBefore(int place, long micros) {
        int changes = resolutionChanges[place];
        if (changes == 0) {
            return false;
        }
        if (latestResolutionChange[place] < micros) {
            return changes % 2 == 1;
        }
        if (changes == 1) {
            return false;
        }
        long[] all = allResolutionChanges[place];
        int latest = -1;
        for (int change = 0; change < all.length && all[change] < micros; change++) {
            latest = change;
        }
        return latest % 2 == 0;
    }

    byte servqualGap(int place, int dimension) {
        return servqualGaps[place * GAPS + dimension];
    }

    @SuppressWarnings("unchecked")
    List<Money> issuedRefunds(int place) {
        List<?> refunds = issuedRefunds[place];
        return refunds == null ? List.of() : (List<Money>) refunds;
    }

    void clear() {
        size = 0;
        Arrays.fill(caseId, null);
        Arrays.fill(allResolutionChanges, null);
        Arrays.fill(issuedRefunds, null);
        agents.clear();
        agentNumbers.clear();
    }

    private void ensureCapacity(int needed) {
        if (needed <= caseId.length) {
            return;
        }
        int capacity = Math.max(needed, Math.max(1024, caseId.length + caseId.length / 2));
        caseId = Arrays.copyOf(caseId, capacity);
        openedAt = Arrays.copyOf(openedAt, capacity);
        type = Arrays.copyOf(type, capacity);
        channel = Arrays.copyOf(channel, capacity);
        category = Arrays.copyOf(category, capacity);
        priority = Arrays.copyOf(priority, capacity);
        status = Arrays.copyOf(status, capacity);
        agent = Arrays.copyOf(agent, capacity);
        replies = Arrays.copyOf(replies, capacity);
        reopens = Arrays.copyOf(reopens, capacity);
        resolvedEver = Arrays.copyOf(resolvedEver, capacity);
        firstReply = Arrays.copyOf(firstReply, capacity);
        firstResolution = Arrays.copyOf(firstResolution, capacity);
        fullResolution = Arrays.copyOf(fullResolution, capacity);
        requesterWait = Arrays.copyOf(requesterWait, capacity);
        businessFirstReply = Arrays.copyOf(businessFirstReply, capacity);
        businessFirstResolution = Arrays.copyOf(businessFirstResolution, capacity);
        businessFullResolution = Arrays.copyOf(businessFullResolution, capacity);
        businessRequesterWait = Arrays.copyOf(businessRequesterWait, capacity);
        firstReplyOutcome = Arrays.copyOf(firstReplyOutcome, capacity);
        resolutionOutcome = Arrays.copyOf(resolutionOutcome, capacity);
        nextRepliesMet = Arrays.copyOf(nextRepliesMet, capacity);
        nextRepliesBreached = Arrays.copyOf(nextRepliesBreached, capacity);
        refunded = Arrays.copyOf(refunded, capacity);
        followUpsCompleted = Arrays.copyOf(followUpsCompleted, capacity);
        followUpsMissed = Arrays.copyOf(followUpsMissed, capacity);
        csat = Arrays.copyOf(csat, capacity);
        nps = Arrays.copyOf(nps, capacity);
        servqualGaps = Arrays.copyOf(servqualGaps, capacity * GAPS);
        resolutionChanges = Arrays.copyOf(resolutionChanges, capacity);
        latestResolutionChange = Arrays.copyOf(latestResolutionChange, capacity);
        allResolutionChanges = Arrays.copyOf(allResolutionChanges, capacity);
        issuedRefunds = Arrays.copyOf(issuedRefunds, capacity);
    }
}
