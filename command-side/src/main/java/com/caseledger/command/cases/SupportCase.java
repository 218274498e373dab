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
import com.caseledger.command.sla.CaseSla;
import com.caseledger.command.sla.SlaDue;
import com.caseledger.command.sla.SlaSettings;
import com.caseledger.command.sla.SlaTimers;
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
import com.caseledger.command.casework.CaseCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
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
import java.util.List;
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

    static final String SNAPSHOT_REVISION = "5";

    @AggregateIdentifier
    private String caseId;
    private Instant latestOccurredAt;
    private final CaseLifecycle lifecycle = new CaseLifecycle();
    private final AfterSalesRequests afterSales = new AfterSalesRequests();
    private final FollowUpCalls followUps = new FollowUpCalls();
    private final CaseSla sla = new CaseSla();

    protected SupportCase() {
        // for Axon: rebuilt from its events, or opened by OpenCase
    }

    /** Opens the case, with the SLA policy it takes: answers version 0, or 1 when a policy applies. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public CaseCommandResult handle(OpenCase command, Clock clock, DeadlineManager deadlines, SlaSettings sla,
                                    SlaPolicyCatalog slaPolicies) {
        Instant occurredAt = OccurredAtPolicy.forNewCase(command.occurredAt(), clock);
        Priority priority = Objects.requireNonNullElse(command.priority(), Priority.NORMAL);
        Decision.record(new CaseOpened(command.caseId(), command.type(), command.channel(),
                        Objects.requireNonNullElse(command.category(), Category.OTHER), priority,
                        command.customerId(), command.subject(), command.description(), command.orderId(),
                        command.orderAmount(), occurredAt))
                .then(this.sla.take(command.caseId(), command.type(), command.channel(), priority, slaPolicies,
                        occurredAt))
                .applyToCase();
        SlaTimers.set(deadlines, sla, clock, List.of(), this.sla.running(), command.imported());
        return result();
    }

    @CommandHandler
    public CaseCommandResult handle(RecordCustomerMessage command, Clock clock, DeadlineManager deadlines,
                                    SlaSettings sla) {
        return decide(CaseAction.RECORD_CUSTOMER_MESSAGE, command, clock, deadlines, sla,
                at -> lifecycle.customerMessage(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(ReplyToCustomer command, Clock clock, DeadlineManager deadlines, SlaSettings sla) {
        return decide(CaseAction.REPLY, command, clock, deadlines, sla,
                at -> Decision.record(new AgentReplied(caseId, command.agentId(), command.body(), at)));
    }

    @CommandHandler
    public CaseCommandResult handle(AddInternalNote command, Clock clock, DeadlineManager deadlines, SlaSettings sla) {
        return decide(CaseAction.ADD_NOTE, command, clock, deadlines, sla,
                at -> Decision.record(new InternalNoteAdded(caseId, command.agentId(), command.body(), at)));
    }

    @CommandHandler
    public CaseCommandResult handle(AssignCase command, Clock clock, DeadlineManager deadlines, SlaSettings sla) {
        return decide(CaseAction.ASSIGN, command, clock, deadlines, sla, at -> lifecycle.assign(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(PrioritizeCase command, Clock clock, DeadlineManager deadlines, SlaSettings sla,
                                    SlaPolicyCatalog slaPolicies) {
        return decide(CaseAction.PRIORITIZE, command, clock, deadlines, sla, at -> {
            Decision prioritized = lifecycle.prioritize(caseId, command, at);
            return prioritized.recordsNothing()
                    ? prioritized
                    : prioritized.then(this.sla.take(caseId, lifecycle.type(), lifecycle.channel(), command.priority(),
                    slaPolicies, at));
        });
    }

    @CommandHandler
    public CaseCommandResult handle(EscalateCase command, Clock clock, DeadlineManager deadlines, SlaSettings sla) {
        return decide(CaseAction.ESCALATE, command, clock, deadlines, sla,
                at -> Decision.record(new CaseEscalated(caseId, command.reason(), command.level(), at)));
    }

    @CommandHandler
    public CaseCommandResult handle(AwaitCustomer command, Clock clock, DeadlineManager deadlines, SlaSettings sla) {
        return decide(CaseAction.AWAIT_CUSTOMER, command, clock, deadlines, sla,
                at -> Decision.record(new CaseAwaitingCustomer(caseId, command.reason(), at)));
    }

    @CommandHandler
    public CaseCommandResult handle(ResolveCase command, Clock clock, DeadlineManager deadlines, SlaSettings sla,
                                    FollowUpPolicy followUpPolicy) {
        return decide(CaseAction.RESOLVE, command, clock, deadlines, sla, at -> {
            Decision resolved = Decision.record(new CaseResolved(caseId, command.resolutionCode(), command.summary(), at));
            return lifecycle.isComplaint()
                    ? resolved.then(followUps.afterComplaintResolution(caseId, followUpPolicy, at))
                    : resolved;
        });
    }

    @CommandHandler
    public CaseCommandResult handle(ReopenCase command, Clock clock, DeadlineManager deadlines, SlaSettings sla) {
        return decide(CaseAction.REOPEN, command, clock, deadlines, sla,
                at -> Decision.record(new CaseReopened(caseId, command.reason(), false, at)));
    }

    @CommandHandler
    public CaseCommandResult handle(CloseCase command, Clock clock, DeadlineManager deadlines, SlaSettings sla) {
        return decide(CaseAction.CLOSE, command, clock, deadlines, sla, at -> {
            afterSales.requireSettled(caseId);
            return Decision.record(new CaseClosed(caseId, at));
        });
    }

    @CommandHandler
    public CaseCommandResult handle(RequestRefund command, Clock clock, DeadlineManager deadlines, SlaSettings sla,
                                    OrderRefundLedger ledger,
                                    RefundApprovalPolicy approvalPolicy) {
        return decide(CaseAction.REQUEST_REFUND, command, clock, deadlines, sla,
                at -> afterSales.request(caseId, command, lifecycle.orderId(), lifecycle.orderAmount(), ledger,
                        approvalPolicy, at));
    }

    @CommandHandler
    public CaseCommandResult handle(ApproveRefund command, Clock clock, DeadlineManager deadlines, SlaSettings sla,
                                    @MetaDataValue(EventMetadata.ACTOR) String actor) {
        return decide(CaseAction.DECIDE_REFUND, command, clock, deadlines, sla,
                at -> afterSales.approve(caseId, command, actor, at));
    }

    @CommandHandler
    public CaseCommandResult handle(RejectRefund command, Clock clock, DeadlineManager deadlines, SlaSettings sla,
                                    OrderRefundLedger ledger) {
        return decide(CaseAction.DECIDE_REFUND, command, clock, deadlines, sla,
                at -> afterSales.reject(caseId, command, lifecycle.orderId(), ledger, at));
    }

    @CommandHandler
    public CaseCommandResult handle(IssueRefund command, Clock clock, DeadlineManager deadlines, SlaSettings sla) {
        if (afterSales.alreadyIssued(caseId, command)) {
            return result();
        }
        return decide(CaseAction.SETTLE_REFUND, command, clock, deadlines, sla,
                at -> afterSales.issue(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(FailRefund command, Clock clock, DeadlineManager deadlines, SlaSettings sla,
                                    OrderRefundLedger ledger) {
        return decide(CaseAction.SETTLE_REFUND, command, clock, deadlines, sla,
                at -> afterSales.fail(caseId, command, lifecycle.orderId(), ledger, at));
    }

    @CommandHandler
    public CaseCommandResult handle(ScheduleFollowUp command, Clock clock, DeadlineManager deadlines, SlaSettings sla) {
        return decide(CaseAction.FOLLOW_UP, command, clock, deadlines, sla,
                at -> followUps.schedule(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(CompleteFollowUp command, Clock clock, DeadlineManager deadlines, SlaSettings sla) {
        return decide(CaseAction.FOLLOW_UP, command, clock, deadlines, sla,
                at -> followUps.complete(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(MissFollowUp command, Clock clock, DeadlineManager deadlines, SlaSettings sla) {
        return decide(CaseAction.FOLLOW_UP, command, clock, deadlines, sla, at -> followUps.miss(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(RescheduleFollowUp command, Clock clock, DeadlineManager deadlines,
                                    SlaSettings sla) {
        return decide(CaseAction.FOLLOW_UP, command, clock, deadlines, sla,
                at -> followUps.reschedule(caseId, command, at));
    }

    @CommandHandler
    public CaseCommandResult handle(RecordSurveyAnswer command, Clock clock, DeadlineManager deadlines,
                                    SlaSettings sla) {
        return decide(CaseAction.SURVEY, command, clock, deadlines, sla,
                at -> SurveyAnswerRules.answer(caseId, command, at));
    }

    /**
     * The status guard, then when it happened, then the SLA targets that passed unmet before then, what the case or
     * one of its capabilities decides, the SLA outcomes that decides, and the timers for the targets it set running.
     */
    private CaseCommandResult decide(CaseAction action, CaseCommand command, Clock clock, DeadlineManager deadlines,
                                     SlaSettings slaSettings, Function<Instant, Decision> decision) {
        action.requireAllowed(caseId, lifecycle.status());
        Instant occurredAt = OccurredAtPolicy.resolve(command.occurredAt(), latestOccurredAt, clock);
        Decision decided = decision.apply(occurredAt);
        if (decided.recordsNothing()) {
            return result();
        }
        sla.breachesBefore(caseId, occurredAt).applyToCase();
        List<CaseSla.RunningTarget> running = sla.running();
        decided.applyToCase();
        sla.outcomes(caseId).applyToCase();
        SlaTimers.set(deadlines, slaSettings, clock, running, sla.running(), command.imported());
        return result();
    }

    /**
     * An SLA timer fired, so the due instant it was set for has passed: every running target due by then is breached,
     * at its due instant. A timer whose target was met, paused or moved since it was set finds nothing to record.
     */
    @DeadlineHandler(deadlineName = SlaTimers.DEADLINE)
    void on(SlaDue due, Clock clock) {
        Instant now = clock.instant();
        Instant passed = now.isAfter(due.dueAt()) ? now : due.dueAt().plusNanos(1);
        sla.breachesBefore(caseId, passed).applyToCase();
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
        sla.evolve(event);
        if (latestOccurredAt == null || event.occurredAt().isAfter(latestOccurredAt)) {
            latestOccurredAt = event.occurredAt();
        }
    }
}
