package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.command.casework.Decision;
import com.caseledger.command.followups.CompleteFollowUp;
import com.caseledger.command.followups.FollowUpCalls;
import com.caseledger.command.followups.FollowUpPolicy;
import com.caseledger.command.followups.MissFollowUp;
import com.caseledger.command.followups.RescheduleFollowUp;
import com.caseledger.command.followups.ScheduleFollowUp;
import com.caseledger.command.refunds.AfterSalesRequests;
import com.caseledger.command.refunds.ApproveRefund;
import com.caseledger.command.refunds.FailRefund;
import com.caseledger.command.refunds.IssueRefund;
import com.caseledger.command.refunds.OrderRefundLedger;
import com.caseledger.command.refunds.RefundApprovalPolicy;
import com.caseledger.command.refunds.RejectRefund;
import com.caseledger.command.refunds.RequestRefund;
import com.caseledger.command.sla.CaseSlaPolicy;
import com.caseledger.command.sla.SlaPolicyCatalog;
import com.caseledger.command.surveys.RecordSurveyAnswer;
import com.caseledger.command.surveys.SurveyAnswerRules;
import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseAwaitingCustomer;
import com.caseledger.events.CaseClosed;
import com.caseledger.events.CaseEscalated;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseStatus;
import com.caseledger.events.Category;
import com.caseledger.events.EventMetadata;
import com.caseledger.events.InternalNoteAdded;
import com.caseledger.events.Priority;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * One customer matter: its lifecycle (status, priority, assignment) and the status guard every command passes
 * ({@link CaseAction}). After-sales requests, follow-up calls, survey answers and the SLA policy the case takes
 * decide in their own packages;
 * the case checks its status, asks them, and records what they decided. State changes only when events are applied.
 * Its fields are also its snapshot (JSON), whose format is the {@link Revision}: a snapshot of another revision is
 * ignored and the case is loaded from its events.
 */
@Aggregate(cache = "caseCache", snapshotTriggerDefinition = "caseSnapshotTrigger", snapshotFilter = "caseSnapshotFilter",
        commandTargetResolver = "caseCommandTargets")
@Revision(SupportCase.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SupportCase {

    static final String SNAPSHOT_REVISION = "4";

    @AggregateIdentifier
    private String caseId;
    private Instant latestOccurredAt;
    private final CaseLifecycle lifecycle = new CaseLifecycle();
    private final AfterSalesRequests afterSales = new AfterSalesRequests();
    private final FollowUpCalls followUps = new FollowUpCalls();
    private final CaseSlaPolicy slaPolicy = new CaseSlaPolicy();

    protected SupportCase() {
        // for Axon: rebuilt from its events, or opened by OpenCase
    }

    /** Opens the case, with the SLA policy it takes: answers version 0, or 1 when a policy applies. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public CaseCommandResult handle(OpenCase command, Clock clock, SlaPolicyCatalog slaPolicies) {
        Instant occurredAt = OccurredAtPolicy.forNewCase(command.occurredAt(), clock);
        Priority priority = Objects.requireNonNullElse(command.priority(), Priority.NORMAL);
        Decision.record(new CaseOpened(command.caseId(), command.type(), command.channel(),
                        Objects.requireNonNullElse(command.category(), Category.OTHER), priority,
                        command.customerId(), command.subject(), command.description(), command.orderId(),
                        command.orderAmount(), occurredAt))
                .then(slaPolicy.take(command.caseId(), command.type(), command.channel(), priority, slaPolicies,
                        occurredAt))
                .applyToCase();
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(RecordCustomerMessage command, Clock clock) {
        return decide(CaseAction.RECORD_CUSTOMER_MESSAGE, command.occurredAt(), clock,
                at -> lifecycle.customerMessage(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(ReplyToCustomer command, Clock clock) {
        return decide(CaseAction.REPLY, command.occurredAt(), clock,
                at -> Decision.record(new AgentReplied(caseId, command.agentId(), command.body(), at)));
    }

    @CommandHandler
    public CaseCommandResult handle(AddInternalNote command, Clock clock) {
        return decide(CaseAction.ADD_NOTE, command.occurredAt(), clock,
                at -> Decision.record(new InternalNoteAdded(caseId, command.agentId(), command.body(), at)));
    }

    @CommandHandler
    public CaseCommandResult handle(AssignCase command, Clock clock) {
        return decide(CaseAction.ASSIGN, command.occurredAt(), clock, at -> lifecycle.assign(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(PrioritizeCase command, Clock clock, SlaPolicyCatalog slaPolicies) {
        return decide(CaseAction.PRIORITIZE, command.occurredAt(), clock, at -> {
            Decision prioritized = lifecycle.prioritize(caseId, command, at);
            return prioritized.recordsNothing()
                    ? prioritized
                    : prioritized.then(slaPolicy.take(caseId, lifecycle.type(), lifecycle.channel(), command.priority(),
                    slaPolicies, at));
        });
    }

    @CommandHandler
    public CaseCommandResult handle(EscalateCase command, Clock clock) {
        return decide(CaseAction.ESCALATE, command.occurredAt(), clock,
                at -> Decision.record(new CaseEscalated(caseId, command.reason(), command.level(), at)));
    }

    @CommandHandler
    public CaseCommandResult handle(AwaitCustomer command, Clock clock) {
        return decide(CaseAction.AWAIT_CUSTOMER, command.occurredAt(), clock,
                at -> Decision.record(new CaseAwaitingCustomer(caseId, command.reason(), at)));
    }

    @CommandHandler
    public CaseCommandResult handle(ResolveCase command, Clock clock, FollowUpPolicy followUpPolicy) {
        return decide(CaseAction.RESOLVE, command.occurredAt(), clock, at -> {
            Decision resolved = Decision.record(new CaseResolved(caseId, command.resolutionCode(), command.summary(), at));
            return lifecycle.isComplaint()
                    ? resolved.then(followUps.afterComplaintResolution(caseId, followUpPolicy, at))
                    : resolved;
        });
    }

    @CommandHandler
    public CaseCommandResult handle(ReopenCase command, Clock clock) {
        return decide(CaseAction.REOPEN, command.occurredAt(), clock,
                at -> Decision.record(new CaseReopened(caseId, command.reason(), false, at)));
    }

    @CommandHandler
    public CaseCommandResult handle(CloseCase command, Clock clock) {
        return decide(CaseAction.CLOSE, command.occurredAt(), clock, at -> {
            afterSales.requireSettled(caseId);
            return Decision.record(new CaseClosed(caseId, at));
        });
    }

    @CommandHandler
    public CaseCommandResult handle(RequestRefund command, Clock clock, OrderRefundLedger ledger,
                                    RefundApprovalPolicy approvalPolicy) {
        return decide(CaseAction.REQUEST_REFUND, command.occurredAt(), clock,
                at -> afterSales.request(caseId, command, lifecycle.orderId(), lifecycle.orderAmount(), ledger,
                        approvalPolicy, at));
    }

    @CommandHandler
    public CaseCommandResult handle(ApproveRefund command, Clock clock,
                                    @MetaDataValue(EventMetadata.ACTOR) String actor) {
        return decide(CaseAction.DECIDE_REFUND, command.occurredAt(), clock,
                at -> afterSales.approve(caseId, command, actor, at));
    }

    @CommandHandler
    public CaseCommandResult handle(RejectRefund command, Clock clock, OrderRefundLedger ledger) {
        return decide(CaseAction.DECIDE_REFUND, command.occurredAt(), clock,
                at -> afterSales.reject(caseId, command, lifecycle.orderId(), ledger, at));
    }

    @CommandHandler
    public CaseCommandResult handle(IssueRefund command, Clock clock) {
        if (afterSales.alreadyIssued(caseId, command)) {
            return result();
        }
        return decide(CaseAction.SETTLE_REFUND, command.occurredAt(), clock, at -> afterSales.issue(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(FailRefund command, Clock clock, OrderRefundLedger ledger) {
        return decide(CaseAction.SETTLE_REFUND, command.occurredAt(), clock,
                at -> afterSales.fail(caseId, command, lifecycle.orderId(), ledger, at));
    }

    @CommandHandler
    public CaseCommandResult handle(ScheduleFollowUp command, Clock clock) {
        return decide(CaseAction.FOLLOW_UP, command.occurredAt(), clock, at -> followUps.schedule(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(CompleteFollowUp command, Clock clock) {
        return decide(CaseAction.FOLLOW_UP, command.occurredAt(), clock, at -> followUps.complete(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(MissFollowUp command, Clock clock) {
        return decide(CaseAction.FOLLOW_UP, command.occurredAt(), clock, at -> followUps.miss(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(RescheduleFollowUp command, Clock clock) {
        return decide(CaseAction.FOLLOW_UP, command.occurredAt(), clock, at -> followUps.reschedule(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(RecordSurveyAnswer command, Clock clock) {
        return decide(CaseAction.SURVEY, command.occurredAt(), clock, at -> SurveyAnswerRules.answer(caseId, command, at));
    }

    /** The status guard, then when it happened, then what the case or one of its capabilities decides. */
    private CaseCommandResult decide(CaseAction action, Instant requestedOccurredAt, Clock clock,
                                     Function<Instant, Decision> decision) {
        action.requireAllowed(caseId, lifecycle.status());
        Instant occurredAt = OccurredAtPolicy.resolve(requestedOccurredAt, latestOccurredAt, clock);
        decision.apply(occurredAt).applyToCase();
        return result();
    }

    private CaseCommandResult result() {
        return new CaseCommandResult(caseId, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(CaseEvent event, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        if (event instanceof CaseOpened opened) {
            caseId = opened.caseId();
        }
        lifecycle.evolve(event);
        afterSales.evolve(event, actor);
        followUps.evolve(event);
        slaPolicy.evolve(event);
        latestOccurredAt = event.occurredAt();
    }
}
