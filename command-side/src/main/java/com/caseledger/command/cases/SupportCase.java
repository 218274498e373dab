package com.caseledger.command.cases;

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
import com.caseledger.events.Category;
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.InternalNoteAdded;
import com.caseledger.events.Priority;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer matter. Decides every change to a case from its status rules and records it as an event;
 * its state changes only when those events are applied.
 */
@Aggregate
public class SupportCase {

    static final String CUSTOMER_MESSAGE_REOPEN_REASON = "customer message";

    @AggregateIdentifier
    private String caseId;
    private CaseStatus status;
    private Priority priority;
    private String agentId;
    private String team;
    private Instant latestOccurredAt;

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
    public CaseCommandResult handle(ResolveCase command, Clock clock) {
        Instant occurredAt = accept(CaseAction.RESOLVE, command.occurredAt(), clock);
        apply(new CaseResolved(caseId, command.resolutionCode(), command.summary(), occurredAt));
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
        apply(new CaseClosed(caseId, occurredAt));
        return result();
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

    /** Events that change no decision state still move the case's clock forward. */
    @EventSourcingHandler
    void on(CaseEvent event) {
        recorded(event);
    }

    private void recorded(CaseEvent event) {
        latestOccurredAt = event.occurredAt();
    }
}
