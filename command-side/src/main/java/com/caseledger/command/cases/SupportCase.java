package com.caseledger.command.cases;

import com.caseledger.command.followups.CompleteFollowUp;
import com.caseledger.command.followups.FollowUpPolicy;
import com.caseledger.command.followups.MissFollowUp;
import com.caseledger.command.followups.RescheduleFollowUp;
import com.caseledger.command.followups.ScheduleFollowUp;
import com.caseledger.command.refunds.ApproveRefund;
import com.caseledger.command.refunds.FailRefund;
import com.caseledger.command.refunds.IssueRefund;
import com.caseledger.command.refunds.OrderRefundLedger;
import com.caseledger.command.refunds.RefundApprovalPolicy;
import com.caseledger.command.refunds.RefundRequestPolicy;
import com.caseledger.command.refunds.RejectRefund;
import com.caseledger.command.refunds.RequestRefund;
import com.caseledger.command.surveys.RecordSurveyAnswer;
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
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.EventMetadata;
import com.caseledger.events.FollowUpCompleted;
import com.caseledger.events.FollowUpMissed;
import com.caseledger.events.FollowUpRescheduled;
import com.caseledger.events.FollowUpScheduled;
import com.caseledger.events.FollowUpStatus;
import com.caseledger.events.InternalNoteAdded;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.events.RefundApproved;
import com.caseledger.events.RefundFailed;
import com.caseledger.events.RefundIssued;
import com.caseledger.events.RefundKind;
import com.caseledger.events.RefundRejected;
import com.caseledger.events.RefundRequested;
import com.caseledger.events.RefundStatus;
import com.caseledger.events.StorableTime;
import com.caseledger.events.SurveyAnswered;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer matter. Decides every change to a case from its status rules and records it as an event;
 * its state changes only when those events are applied. Its fields are also its snapshot (JSON).
 */
@Aggregate(cache = "caseCache", snapshotTriggerDefinition = "caseSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SupportCase {

    static final String CUSTOMER_MESSAGE_REOPEN_REASON = "customer message";
    static final String SYSTEM_ACTOR = "system";
    static final String AFTER_RESOLUTION_FOLLOW_UP = "after-resolution-";

    @AggregateIdentifier
    private String caseId;
    private CaseStatus status;
    private Priority priority;
    private String agentId;
    private String team;
    private Instant latestOccurredAt;
    private CaseType type;
    private String orderId;
    private Money orderAmount;
    private final Map<String, Refund> refunds = new HashMap<>();
    private final Map<String, FollowUpStatus> followUps = new HashMap<>();

    protected SupportCase() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public SupportCase(OpenCase command, Clock clock) {
        Instant occurredAt = OccurredAtPolicy.forNewCase(command.occurredAt(), clock);
        apply(new CaseOpened(command.caseId(), command.type(), command.channel(),
                Objects.requireNonNullElse(command.category(), Category.OTHER),
                Objects.requireNonNullElse(command.priority(), Priority.NORMAL),
                command.customerId(), command.subject(), command.description(), command.orderId(),
                command.orderAmount(), occurredAt));
    }

    @CommandHandler
    public CaseCommandResult handle(RecordCustomerMessage command, Clock clock) {
        Instant occurredAt = accept(CaseAction.RECORD_CUSTOMER_MESSAGE, command.occurredAt(), clock);
        apply(new CustomerMessageReceived(caseId, command.body(), command.channel(), occurredAt));
        if (status == CaseStatus.PENDING) {
            apply(new CaseResumed(caseId, occurredAt));
        } else if (status == CaseStatus.RESOLVED) {
            apply(new CaseReopened(caseId, CUSTOMER_MESSAGE_REOPEN_REASON, true, occurredAt));
        }
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(ReplyToCustomer command, Clock clock) {
        Instant occurredAt = accept(CaseAction.REPLY, command.occurredAt(), clock);
        apply(new AgentReplied(caseId, command.agentId(), command.body(), occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(AddInternalNote command, Clock clock) {
        Instant occurredAt = accept(CaseAction.ADD_NOTE, command.occurredAt(), clock);
        apply(new InternalNoteAdded(caseId, command.agentId(), command.body(), occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(AssignCase command, Clock clock) {
        Instant occurredAt = accept(CaseAction.ASSIGN, command.occurredAt(), clock);
        if (!Objects.equals(command.agentId(), agentId) || !Objects.equals(command.team(), team)) {
            apply(new CaseAssigned(caseId, command.agentId(), command.team(), occurredAt));
        }
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(PrioritizeCase command, Clock clock) {
        Instant occurredAt = accept(CaseAction.PRIORITIZE, command.occurredAt(), clock);
        if (command.priority() != priority) {
            apply(new CasePrioritized(caseId, command.priority(), occurredAt));
        }
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(EscalateCase command, Clock clock) {
        Instant occurredAt = accept(CaseAction.ESCALATE, command.occurredAt(), clock);
        apply(new CaseEscalated(caseId, command.reason(), command.level(), occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(AwaitCustomer command, Clock clock) {
        Instant occurredAt = accept(CaseAction.AWAIT_CUSTOMER, command.occurredAt(), clock);
        apply(new CaseAwaitingCustomer(caseId, command.reason(), occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(ResolveCase command, Clock clock, FollowUpPolicy followUpPolicy) {
        Instant occurredAt = accept(CaseAction.RESOLVE, command.occurredAt(), clock);
        apply(new CaseResolved(caseId, command.resolutionCode(), command.summary(), occurredAt));
        if (type == CaseType.COMPLAINT && !followUps.containsValue(FollowUpStatus.SCHEDULED)) {
            apply(new FollowUpScheduled(caseId, AFTER_RESOLUTION_FOLLOW_UP + (followUps.size() + 1),
                    followUpPolicy.callAfterResolutionAt(occurredAt), FollowUpPolicy.AFTER_RESOLUTION_PURPOSE, true,
                    occurredAt), bySystem());
        }
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(ReopenCase command, Clock clock) {
        Instant occurredAt = accept(CaseAction.REOPEN, command.occurredAt(), clock);
        apply(new CaseReopened(caseId, command.reason(), false, occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(CloseCase command, Clock clock) {
        Instant occurredAt = accept(CaseAction.CLOSE, command.occurredAt(), clock);
        refunds.forEach((refundId, refund) -> {
            if (refund.status() == RefundStatus.REQUESTED || refund.status() == RefundStatus.APPROVED) {
                throw new CaseRuleViolation("Case " + caseId + " still has refund " + refundId + " " + refund.status()
                        + "; settle it (issue, fail or reject) before closing the case.");
            }
        });
        apply(new CaseClosed(caseId, occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(RequestRefund command, Clock clock, OrderRefundLedger ledger,
                                    RefundApprovalPolicy approvalPolicy) {
        Instant occurredAt = accept(CaseAction.REQUEST_REFUND, command.occurredAt(), clock);
        if (refunds.containsKey(command.refundId())) {
            throw new CaseRuleViolation("Case " + caseId + " already has a refund " + command.refundId() + ".");
        }
        RefundRequestPolicy.check(caseId, command.kind(), command.amount(), orderId, orderAmount);
        if (command.amount() != null) {
            ledger.hold(orderId, orderAmount, command.amount());
        }
        apply(new RefundRequested(caseId, command.refundId(), command.kind(), command.amount(), command.reason(),
                orderId, occurredAt));
        if (approvalPolicy.approvesAtOnce(command.kind(), command.amount())) {
            apply(new RefundApproved(caseId, command.refundId(), SYSTEM_ACTOR, true, occurredAt), bySystem());
        }
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(ApproveRefund command, Clock clock) {
        Instant occurredAt = accept(CaseAction.DECIDE_REFUND, command.occurredAt(), clock);
        refund(command.refundId()).require(RefundStatus.REQUESTED, "approved");
        apply(new RefundApproved(caseId, command.refundId(), command.approverId(), false, occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(RejectRefund command, Clock clock, OrderRefundLedger ledger) {
        Instant occurredAt = accept(CaseAction.DECIDE_REFUND, command.occurredAt(), clock);
        Refund refund = refund(command.refundId());
        refund.require(RefundStatus.REQUESTED, "rejected");
        releaseHold(refund, ledger);
        apply(new RefundRejected(caseId, command.refundId(), command.reason(), occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(IssueRefund command, Clock clock) {
        Refund refund = refund(command.refundId());
        if (refund.status() == RefundStatus.ISSUED) {
            if (refund.reference().equals(command.reference())) {
                return result();
            }
            throw new CaseRuleViolation("Refund " + command.refundId() + " was already issued with reference "
                    + refund.reference() + "; it cannot be issued again with " + command.reference() + ".");
        }
        Instant occurredAt = accept(CaseAction.SETTLE_REFUND, command.occurredAt(), clock);
        refund.require(RefundStatus.APPROVED, "issued");
        apply(new RefundIssued(caseId, command.refundId(), command.reference(), occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(FailRefund command, Clock clock, OrderRefundLedger ledger) {
        Instant occurredAt = accept(CaseAction.SETTLE_REFUND, command.occurredAt(), clock);
        Refund refund = refund(command.refundId());
        refund.require(RefundStatus.APPROVED, "marked as failed");
        releaseHold(refund, ledger);
        apply(new RefundFailed(caseId, command.refundId(), command.reason(), occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(ScheduleFollowUp command, Clock clock) {
        Instant occurredAt = accept(CaseAction.FOLLOW_UP, command.occurredAt(), clock);
        if (followUps.containsKey(command.followUpId())) {
            throw new CaseRuleViolation("Case " + caseId + " already has a follow-up call " + command.followUpId() + ".");
        }
        requireNotBefore(command.scheduledFor(), occurredAt);
        apply(new FollowUpScheduled(caseId, command.followUpId(), command.scheduledFor(), command.purpose(), false,
                occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(CompleteFollowUp command, Clock clock) {
        Instant occurredAt = accept(CaseAction.FOLLOW_UP, command.occurredAt(), clock);
        requireFollowUp(command.followUpId(), FollowUpStatus.SCHEDULED, "completed");
        Integer satisfaction = command.satisfaction();
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw new InvalidCaseInput("satisfaction", "must be between 1 and 5");
        }
        if (command.reached()) {
            apply(new FollowUpCompleted(caseId, command.followUpId(), satisfaction, command.notes(), occurredAt));
        } else if (satisfaction != null) {
            throw new InvalidCaseInput("satisfaction", "can only be given when the customer was reached");
        } else {
            apply(new FollowUpMissed(caseId, command.followUpId(),
                    command.notes() != null ? command.notes() : "customer not reached", occurredAt));
        }
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(MissFollowUp command, Clock clock) {
        Instant occurredAt = accept(CaseAction.FOLLOW_UP, command.occurredAt(), clock);
        requireFollowUp(command.followUpId(), FollowUpStatus.SCHEDULED, "missed");
        apply(new FollowUpMissed(caseId, command.followUpId(), command.reason(), occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(RescheduleFollowUp command, Clock clock) {
        Instant occurredAt = accept(CaseAction.FOLLOW_UP, command.occurredAt(), clock);
        FollowUpStatus status = followUpStatus(command.followUpId());
        if (status == FollowUpStatus.COMPLETED) {
            throw new CaseRuleViolation("Follow-up call " + command.followUpId() + " is COMPLETED; only a SCHEDULED"
                    + " or MISSED call can be rescheduled.");
        }
        requireNotBefore(command.scheduledFor(), occurredAt);
        apply(new FollowUpRescheduled(caseId, command.followUpId(), command.scheduledFor(), occurredAt));
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(RecordSurveyAnswer command, Clock clock) {
        Instant occurredAt = accept(CaseAction.SURVEY, command.occurredAt(), clock);
        boolean servqualGiven = command.servqual() != null && !command.servqual().isEmpty();
        if (command.csat() == null && command.nps() == null && !servqualGiven) {
            throw new InvalidCaseInput("csat", "at least one of csat, nps and servqual is required");
        }
        if (command.csat() != null && (command.csat() < 1 || command.csat() > 5)) {
            throw new InvalidCaseInput("csat", "must be between 1 and 5");
        }
        if (command.nps() != null && (command.nps() < 0 || command.nps() > 10)) {
            throw new InvalidCaseInput("nps", "must be between 0 and 10");
        }
        apply(new SurveyAnswered(caseId, command.csat(), command.nps(), servqualGiven ? Map.copyOf(command.servqual()) : null,
                occurredAt));
        return result();
    }

    private Refund refund(String refundId) {
        Refund refund = refunds.get(refundId);
        if (refund == null) {
            throw new UnknownCasePart("Case " + caseId + " has no refund " + refundId + ".");
        }
        return refund;
    }

    private void releaseHold(Refund refund, OrderRefundLedger ledger) {
        if (refund.amount() != null) {
            ledger.release(orderId, refund.amount());
        }
    }

    private FollowUpStatus followUpStatus(String followUpId) {
        FollowUpStatus status = followUps.get(followUpId);
        if (status == null) {
            throw new UnknownCasePart("Case " + caseId + " has no follow-up call " + followUpId + ".");
        }
        return status;
    }

    private void requireFollowUp(String followUpId, FollowUpStatus required, String verb) {
        FollowUpStatus status = followUpStatus(followUpId);
        if (status != required) {
            throw new CaseRuleViolation("Follow-up call " + followUpId + " is " + status + "; only a " + required
                    + " call can be " + verb + ".");
        }
    }

    private static void requireNotBefore(Instant scheduledFor, Instant occurredAt) {
        if (scheduledFor == null) {
            throw new InvalidCaseInput("scheduledFor", "is required");
        }
        if (!StorableTime.contains(scheduledFor)) {
            throw new InvalidCaseInput("scheduledFor", StorableTime.describe());
        }
        if (scheduledFor.isBefore(occurredAt)) {
            throw new InvalidCaseInput("scheduledFor", "is in the past (" + scheduledFor + " is before " + occurredAt
                    + "); give occurredAt to backfill a call planned earlier");
        }
    }

    private static MetaData bySystem() {
        return MetaData.with(EventMetadata.ACTOR, SYSTEM_ACTOR);
    }

    private Instant accept(CaseAction action, Instant requestedOccurredAt, Clock clock) {
        action.requireAllowed(caseId, status);
        return OccurredAtPolicy.resolve(requestedOccurredAt, latestOccurredAt, clock);
    }

    private CaseCommandResult result() {
        return new CaseCommandResult(caseId, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        caseId = event.caseId();
        status = CaseStatus.OPEN;
        priority = event.priority();
        type = event.type();
        orderId = event.orderId();
        orderAmount = event.orderAmount();
        recorded(event);
    }

    @EventSourcingHandler
    void on(CaseAssigned event) {
        agentId = event.agentId();
        team = event.team();
        recorded(event);
    }

    @EventSourcingHandler
    void on(CasePrioritized event) {
        priority = event.priority();
        recorded(event);
    }

    @EventSourcingHandler
    void on(CaseAwaitingCustomer event) {
        status = CaseStatus.PENDING;
        recorded(event);
    }

    @EventSourcingHandler
    void on(CaseResumed event) {
        status = CaseStatus.OPEN;
        recorded(event);
    }

    @EventSourcingHandler
    void on(CaseResolved event) {
        status = CaseStatus.RESOLVED;
        recorded(event);
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        status = CaseStatus.OPEN;
        recorded(event);
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        status = CaseStatus.CLOSED;
        recorded(event);
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        refunds.put(event.refundId(), new Refund(event.kind(), event.amount(), RefundStatus.REQUESTED, null));
        recorded(event);
    }

    @EventSourcingHandler
    void on(RefundApproved event) {
        refunds.computeIfPresent(event.refundId(), (id, refund) -> refund.moveTo(RefundStatus.APPROVED, null));
        recorded(event);
    }

    @EventSourcingHandler
    void on(RefundRejected event) {
        refunds.computeIfPresent(event.refundId(), (id, refund) -> refund.moveTo(RefundStatus.REJECTED, null));
        recorded(event);
    }

    @EventSourcingHandler
    void on(RefundIssued event) {
        refunds.computeIfPresent(event.refundId(), (id, refund) -> refund.moveTo(RefundStatus.ISSUED, event.reference()));
        recorded(event);
    }

    @EventSourcingHandler
    void on(RefundFailed event) {
        refunds.computeIfPresent(event.refundId(), (id, refund) -> refund.moveTo(RefundStatus.FAILED, null));
        recorded(event);
    }

    @EventSourcingHandler
    void on(FollowUpScheduled event) {
        followUps.put(event.followUpId(), FollowUpStatus.SCHEDULED);
        recorded(event);
    }

    @EventSourcingHandler
    void on(FollowUpRescheduled event) {
        followUps.put(event.followUpId(), FollowUpStatus.SCHEDULED);
        recorded(event);
    }

    @EventSourcingHandler
    void on(FollowUpCompleted event) {
        followUps.put(event.followUpId(), FollowUpStatus.COMPLETED);
        recorded(event);
    }

    @EventSourcingHandler
    void on(FollowUpMissed event) {
        followUps.put(event.followUpId(), FollowUpStatus.MISSED);
        recorded(event);
    }

    /** Events that change no decision state still move the case's clock forward. */
    @EventSourcingHandler
    void on(CaseEvent event) {
        recorded(event);
    }

    private void recorded(CaseEvent event) {
        latestOccurredAt = event.occurredAt();
    }

    /** An after-sales request as far as decisions need it. */
    private record Refund(RefundKind kind, Money amount, RefundStatus status, String reference) {

        private Refund moveTo(RefundStatus next, String issuedReference) {
            return new Refund(kind, amount, next, issuedReference);
        }

        private void require(RefundStatus required, String verb) {
            if (status != required) {
                throw new CaseRuleViolation("This " + kind + " request is " + status + "; only a " + required
                        + " request can be " + verb + ".");
            }
        }
    }
}
