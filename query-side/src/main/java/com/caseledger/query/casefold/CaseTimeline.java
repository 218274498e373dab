package com.caseledger.query.casefold;

import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseAssigned;
import com.caseledger.events.CaseAwaitingCustomer;
import com.caseledger.events.CaseClosed;
import com.caseledger.events.CaseEscalated;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CasePrioritized;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseResumed;
import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.FollowUpCompleted;
import com.caseledger.events.FollowUpMissed;
import com.caseledger.events.FollowUpRescheduled;
import com.caseledger.events.FollowUpScheduled;
import com.caseledger.events.FollowUpStatus;
import com.caseledger.events.InternalNoteAdded;
import com.caseledger.events.Money;
import com.caseledger.events.PersonalData;
import com.caseledger.events.Priority;
import com.caseledger.events.RefundApproved;
import com.caseledger.events.RefundFailed;
import com.caseledger.events.RefundIssued;
import com.caseledger.events.RefundRejected;
import com.caseledger.events.RefundRequested;
import com.caseledger.events.RefundStatus;
import com.caseledger.events.SlaPolicyApplied;
import com.caseledger.events.SlaTargetBreached;
import com.caseledger.events.SlaTargetMet;
import com.caseledger.events.SurveyAnswered;
import com.caseledger.events.sla.SlaFacts;
import com.caseledger.events.sla.SlaTargetKind;
import com.caseledger.events.sla.WorkingClock;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case folded from its events, with the service-level figures of DOMAIN.md measured as the events arrive.
 * Every projection and the point-in-time state use this one fold, so they can never disagree.
 * Applying an event at or below the folded version does nothing, which makes replays idempotent. It is stored in
 * {@code projections.case_fold} as {@link TimelineFormat} writes it, with the revision of that format; its
 * fields are package-private for that format.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CaseTimeline implements SlaFacts {

    // a change of these fields (one added, removed or given another meaning) changes TimelineFormat and its revision
    String caseId;
    long version = -1;
    CaseType type;
    CaseStatus status;
    Channel channel;
    Category category;
    Priority priority;
    String customerId;
    String agentId;
    String team;
    String subject;
    String description;
    String orderId;
    Money orderAmount;
    Instant openedAt;
    Instant firstReplyAt;
    Instant firstResolvedAt;
    Instant lastResolvedAt;
    Instant closedAt;
    Instant lastActivityAt;
    int replies;
    int reopens;
    int customerMessages;
    int notes;
    int escalations;
    String escalationLevel;
    /** When the current OPEN stretch began; null while the case is not OPEN. */
    Instant openSince;
    /** Seconds spent OPEN in finished stretches. */
    long openSeconds;
    /** Seconds spent OPEN from opening until the latest resolution. */
    Long requesterWaitSeconds;
    List<StatusChange> statusChanges = new ArrayList<>();
    Map<String, RefundView> refunds = new LinkedHashMap<>();
    Map<String, FollowUpView> followUps = new LinkedHashMap<>();
    SurveysView surveys = SurveysView.NONE;
    /** The SLA policy the case took; null without one. */
    AppliedSla sla;
    /** The oldest customer message after the first reply not yet answered, or the latest such wait answered. */
    Instant replyWaitStartedAt;
    /** The reply that ended the wait that began at {@link #replyWaitStartedAt}; null while the customer waits. */
    Instant replyWaitAnsweredAt;
    /** The latest outcome on record of the first reply target; null while none is. */
    SlaOutcome firstReplyOutcome;
    /** The latest outcome on record of the resolution target; null while none is. */
    SlaOutcome resolutionOutcome;
    /** The latest outcome on record of each next reply target, by the instant its wait began, oldest first. */
    Map<Instant, SlaOutcome> nextReplyOutcomes = new LinkedHashMap<>();

    /** Folds one event in; answers false when it was already folded. */
    public boolean apply(CaseEvent event, long sequence) {
        if (sequence <= version) {
            return false;
        }
        Instant at = event.occurredAt();
        if (event instanceof CaseOpened opened) {
            opened(opened);
        } else if (event instanceof CustomerMessageReceived) {
            customerMessages++;
            if (firstReplyAt != null && (replyWaitStartedAt == null || replyWaitAnsweredAt != null)) {
                replyWaitStartedAt = at;
                replyWaitAnsweredAt = null;
            }
        } else if (event instanceof AgentReplied) {
            replies++;
            if (firstReplyAt == null) {
                firstReplyAt = at;
            } else if (replyWaitStartedAt != null && replyWaitAnsweredAt == null) {
                replyWaitAnsweredAt = at;
            }
        } else if (event instanceof SlaPolicyApplied applied) {
            sla = AppliedSla.of(applied);
        } else if (event instanceof SlaTargetMet met) {
            outcome(met.target(), met.waitStartedAt(), SlaOutcome.MET);
        } else if (event instanceof SlaTargetBreached breached) {
            outcome(breached.target(), breached.waitStartedAt(), SlaOutcome.BREACHED);
        } else if (event instanceof InternalNoteAdded) {
            notes++;
        } else if (event instanceof CaseAssigned assigned) {
            agentId = assigned.agentId();
            team = assigned.team();
        } else if (event instanceof CasePrioritized prioritized) {
            priority = prioritized.priority();
        } else if (event instanceof CaseEscalated escalated) {
            escalations++;
            escalationLevel = escalated.level();
        } else if (event instanceof CaseAwaitingCustomer) {
            moveTo(CaseStatus.PENDING, at);
        } else if (event instanceof CaseResumed) {
            moveTo(CaseStatus.OPEN, at);
        } else if (event instanceof CaseResolved) {
            moveTo(CaseStatus.RESOLVED, at);
            if (firstResolvedAt == null) {
                firstResolvedAt = at;
            }
            lastResolvedAt = at;
            requesterWaitSeconds = openSeconds;
        } else if (event instanceof CaseReopened) {
            reopens++;
            moveTo(CaseStatus.OPEN, at);
        } else if (event instanceof CaseClosed) {
            moveTo(CaseStatus.CLOSED, at);
            closedAt = at;
        } else {
            afterSales(event, at);
        }
        version = sequence;
        lastActivityAt = at;
        return true;
    }

    /**
     * Replaces every personal text of the fold with {@link PersonalData#ERASED}, as an erasure of its customer makes
     * the events read; a text that was never given stays absent. The version stays: no event of the case was added.
     */
    public void erasePersonalData() {
        subject = erased(subject);
        description = erased(description);
        refunds.replaceAll((id, refund) -> refund.erased());
        followUps.replaceAll((id, call) -> call.erased());
    }

    static String erased(String text) {
        return text == null ? null : PersonalData.ERASED;
    }

    /**
     * Keeps the latest outcome of a target; outcomes stay on record when the case takes another policy or none, as
     * the command side keeps them.
     */
    private void outcome(SlaTargetKind target, Instant waitStartedAt, SlaOutcome outcome) {
        switch (target) {
            case FIRST_REPLY -> firstReplyOutcome = outcome;
            case NEXT_REPLY -> nextReplyOutcomes.put(waitStartedAt, outcome);
            case RESOLUTION -> resolutionOutcome = outcome;
        }
    }

    private void afterSales(CaseEvent event, Instant at) {
        if (event instanceof RefundRequested requested) {
            refunds.put(requested.refundId(), RefundView.requested(requested.refundId(), requested.kind(),
                    requested.amount(), requested.reason(), at));
        } else if (event instanceof RefundApproved approved) {
            refunds.computeIfPresent(approved.refundId(), (id, refund) -> refund.approved(approved.approverId(),
                    approved.automatic(), at));
        } else if (event instanceof RefundRejected rejected) {
            refunds.computeIfPresent(rejected.refundId(), (id, refund) -> refund.rejected(rejected.reason(), at));
        } else if (event instanceof RefundIssued issued) {
            refunds.computeIfPresent(issued.refundId(), (id, refund) -> refund.issued(issued.reference(), at));
        } else if (event instanceof RefundFailed failed) {
            refunds.computeIfPresent(failed.refundId(), (id, refund) -> refund.failed(failed.reason(), at));
        } else if (event instanceof FollowUpScheduled scheduled) {
            followUps.put(scheduled.followUpId(), FollowUpView.scheduled(scheduled.followUpId(), scheduled.scheduledFor(),
                    scheduled.purpose(), scheduled.automatic(), at));
        } else if (event instanceof FollowUpRescheduled rescheduled) {
            followUps.computeIfPresent(rescheduled.followUpId(), (id, call) -> call.rescheduled(rescheduled.scheduledFor()));
        } else if (event instanceof FollowUpCompleted completed) {
            followUps.computeIfPresent(completed.followUpId(), (id, call) -> call.completed(completed.satisfaction(),
                    completed.notes(), at));
        } else if (event instanceof FollowUpMissed missed) {
            followUps.computeIfPresent(missed.followUpId(), (id, call) -> call.missed(missed.reason(), at));
        } else if (event instanceof SurveyAnswered answered) {
            surveys = surveys.answered(answered.csat(), answered.nps(), answered.servqual(), at);
        }
    }

    private void opened(CaseOpened event) {
        caseId = event.caseId();
        type = event.type();
        channel = event.channel();
        category = event.category();
        priority = event.priority();
        customerId = event.customerId();
        subject = event.subject();
        description = event.description();
        orderId = event.orderId();
        orderAmount = event.orderAmount();
        openedAt = event.occurredAt();
        status = CaseStatus.OPEN;
        openSince = openedAt;
        statusChanges.add(new StatusChange(openedAt, CaseStatus.OPEN));
    }

    private void moveTo(CaseStatus next, Instant at) {
        if (openSince != null) {
            openSeconds += seconds(openSince, at);
        }
        openSince = next == CaseStatus.OPEN ? at : null;
        status = next;
        statusChanges.add(new StatusChange(at, next));
    }

    public boolean exists() {
        return version >= 0;
    }

    public String caseId() {
        return caseId;
    }

    public long version() {
        return version;
    }

    public CaseType type() {
        return type;
    }

    public CaseStatus status() {
        return status;
    }

    public Channel channel() {
        return channel;
    }

    public Category category() {
        return category;
    }

    public Priority priority() {
        return priority;
    }

    public String customerId() {
        return customerId;
    }

    public String agentId() {
        return agentId;
    }

    @Override
    public Instant openedAt() {
        return openedAt;
    }

    public int replies() {
        return replies;
    }

    public int reopens() {
        return reopens;
    }

    public boolean resolvedEver() {
        return firstResolvedAt != null;
    }

    public List<RefundView> refunds() {
        return List.copyOf(refunds.values());
    }

    public List<FollowUpView> followUps() {
        return List.copyOf(followUps.values());
    }

    public SurveysView surveys() {
        return surveys;
    }

    public String subject() {
        return subject;
    }

    /** The clocks of the case's SLA targets; null when it has no SLA policy. */
    public SlaClocks slaClocks() {
        return SlaClocks.of(this);
    }

    /** Money actually sent back: the issued refunds that carry money. */
    public List<Money> issuedRefunds() {
        return refunds.values().stream()
                .filter(refund -> refund.status() == RefundStatus.ISSUED && refund.amount() != null)
                .map(RefundView::amount)
                .toList();
    }

    public long followUps(FollowUpStatus status) {
        return followUps.values().stream().filter(call -> call.status() == status).count();
    }

    public Instant lastStatusChangeAt() {
        return statusChanges.get(statusChanges.size() - 1).at();
    }

    @Override
    public List<StatusChange> statusChanges() {
        return List.copyOf(statusChanges);
    }

    /**
     * The instants at which the case became RESOLVED or CLOSED having been neither, and those at which it stopped
     * being either, alternately and oldest first: the case was RESOLVED or CLOSED just before an instant exactly when
     * an odd number of these lie before it.
     */
    public List<Instant> resolutionChanges() {
        List<Instant> changes = new ArrayList<>();
        boolean resolved = false;
        for (StatusChange change : statusChanges) {
            if (change.status().isResolvedOrClosed() != resolved) {
                resolved = !resolved;
                changes.add(change.at());
            }
        }
        return changes;
    }

    public Long firstReplySeconds() {
        return firstReplyAt == null ? null : seconds(openedAt, firstReplyAt);
    }

    public Long firstResolutionSeconds() {
        return firstResolvedAt == null ? null : seconds(openedAt, firstResolvedAt);
    }

    /** Opened until the latest resolution, for a case that is RESOLVED or CLOSED now. */
    public Long fullResolutionSeconds() {
        return status.isResolvedOrClosed() && lastResolvedAt != null ? seconds(openedAt, lastResolvedAt) : null;
    }

    /** OPEN time from opening until the latest resolution (PENDING excluded); null until first resolved. */
    public Long requesterWaitSeconds() {
        return requesterWaitSeconds;
    }

    public SlaOutcome firstReplyOutcome() {
        return firstReplyOutcome;
    }

    public SlaOutcome resolutionOutcome() {
        return resolutionOutcome;
    }

    /** How many next reply targets (one per wait) have the outcome as their latest. */
    public int nextReplyTargets(SlaOutcome outcome) {
        int count = 0;
        for (SlaOutcome latest : nextReplyOutcomes.values()) {
            if (latest == outcome) {
                count++;
            }
        }
        return count;
    }

    /**
     * The time that counts in business time: working time under the calendar of the case's SLA policy, every instant
     * for a case whose policy has none or that has no policy.
     */
    private WorkingClock businessClock() {
        return sla == null ? WorkingClock.calendarTime() : sla.clock();
    }

    /** {@link #firstReplySeconds()} in business time. */
    public Long businessFirstReplySeconds() {
        return firstReplyAt == null ? null : businessSeconds(openedAt, firstReplyAt);
    }

    /** {@link #firstResolutionSeconds()} in business time. */
    public Long businessFirstResolutionSeconds() {
        return firstResolvedAt == null ? null : businessSeconds(openedAt, firstResolvedAt);
    }

    /** {@link #fullResolutionSeconds()} in business time. */
    public Long businessFullResolutionSeconds() {
        return status.isResolvedOrClosed() && lastResolvedAt != null ? businessSeconds(openedAt, lastResolvedAt) : null;
    }

    /**
     * {@link #requesterWaitSeconds()} in business time: the working time of each OPEN stretch from opening until the
     * latest resolution, each counted in whole seconds as the calendar time figure counts them.
     */
    public Long businessRequesterWaitSeconds() {
        if (requesterWaitSeconds == null) {
            return null;
        }
        WorkingClock clock = businessClock();
        long seconds = 0;
        for (int i = 0; i + 1 < statusChanges.size(); i++) {
            StatusChange change = statusChanges.get(i);
            Instant end = statusChanges.get(i + 1).at();
            if (end.isAfter(lastResolvedAt)) {
                break;
            }
            if (change.status() == CaseStatus.OPEN) {
                seconds += clock.workingTime(change.at(), end).getSeconds();
            }
        }
        return seconds;
    }

    private long businessSeconds(Instant from, Instant to) {
        return businessClock().workingTime(from, to).getSeconds();
    }

    public String team() {
        return team;
    }

    public String description() {
        return description;
    }

    public String orderId() {
        return orderId;
    }

    public Money orderAmount() {
        return orderAmount;
    }

    @Override
    public Instant firstReplyAt() {
        return firstReplyAt;
    }

    public Instant firstResolvedAt() {
        return firstResolvedAt;
    }

    /** The latest resolution, while the case is RESOLVED or CLOSED. */
    @Override
    public Instant resolvedAt() {
        return status.isResolvedOrClosed() ? lastResolvedAt : null;
    }

    @Override
    public Instant replyWaitStartedAt() {
        return replyWaitStartedAt;
    }

    @Override
    public Instant replyWaitAnsweredAt() {
        return replyWaitAnsweredAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public int customerMessages() {
        return customerMessages;
    }

    public int notes() {
        return notes;
    }

    public int escalations() {
        return escalations;
    }

    public String escalationLevel() {
        return escalationLevel;
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).getSeconds();
    }
}
