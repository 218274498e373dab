package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseAction;
import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.command.casework.Decision;
import com.caseledger.command.casework.OwningCase;
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
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.InternalNoteAdded;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;

import java.time.Instant;
import java.util.Objects;

/**
 * The case's lifecycle: its own state (status, type, priority, assignment, order) and the commands only it decides, a
 * part of the case (an Axon aggregate member) like its after-sales requests and follow-up calls. A customer message
 * resumes or reopens the case, an assignment or priority that changes nothing records nothing, and the other contacts
 * and steps are recorded as asked. Opening, prioritizing, resolving and closing, which involve the other parts, are
 * the case's own ({@link SupportCase}).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class CaseLifecycle {

    private CaseStatus status;
    private CaseType type;
    private Channel channel;
    private Priority priority;
    private String agentId;
    private String team;
    private String orderId;
    private Money orderAmount;

    static final String CUSTOMER_MESSAGE_REOPEN_REASON = "customer message";

    /** A case opened without a category is OTHER, without a priority NORMAL. */
    static CaseOpened open(OpenCase command, Instant at) {
        return new CaseOpened(command.caseId(), command.type(), command.channel(),
                Objects.requireNonNullElse(command.category(), Category.OTHER),
                Objects.requireNonNullElse(command.priority(), Priority.NORMAL), command.customerId(),
                command.subject(), command.description(), command.orderId(), command.orderAmount(), at);
    }

    /** The customer wrote again: a PENDING case resumes, a RESOLVED one is reopened by the customer. */
    @CommandHandler
    CaseCommandResult handle(RecordCustomerMessage command, OwningCase owner) {
        return owner.decide(CaseAction.RECORD_CUSTOMER_MESSAGE, command, at -> {
            Decision decision = Decision.record(
                    new CustomerMessageReceived(owner.caseId(), command.body(), command.channel(), at));
            if (status == CaseStatus.PENDING) {
                decision.and(new CaseResumed(owner.caseId(), at));
            } else if (status == CaseStatus.RESOLVED) {
                decision.and(new CaseReopened(owner.caseId(), CUSTOMER_MESSAGE_REOPEN_REASON, true, at));
            }
            return decision;
        });
    }

    @CommandHandler
    CaseCommandResult handle(ReplyToCustomer command, OwningCase owner) {
        return owner.decide(CaseAction.REPLY, command,
                at -> Decision.record(new AgentReplied(owner.caseId(), command.agentId(), command.body(), at)));
    }

    @CommandHandler
    CaseCommandResult handle(AddInternalNote command, OwningCase owner) {
        return owner.decide(CaseAction.ADD_NOTE, command,
                at -> Decision.record(new InternalNoteAdded(owner.caseId(), command.agentId(), command.body(), at)));
    }

    /** Assigning to the agent and team the case already has records nothing. */
    @CommandHandler
    CaseCommandResult handle(AssignCase command, OwningCase owner) {
        return owner.decide(CaseAction.ASSIGN, command,
                at -> Objects.equals(agentId, command.agentId()) && Objects.equals(team, command.team())
                        ? Decision.nothing()
                        : Decision.record(new CaseAssigned(owner.caseId(), command.agentId(), command.team(), at)));
    }

    @CommandHandler
    CaseCommandResult handle(EscalateCase command, OwningCase owner) {
        return owner.decide(CaseAction.ESCALATE, command,
                at -> Decision.record(new CaseEscalated(owner.caseId(), command.reason(), command.level(), at)));
    }

    @CommandHandler
    CaseCommandResult handle(AwaitCustomer command, OwningCase owner) {
        return owner.decide(CaseAction.AWAIT_CUSTOMER, command,
                at -> Decision.record(new CaseAwaitingCustomer(owner.caseId(), command.reason(), at)));
    }

    @CommandHandler
    CaseCommandResult handle(ReopenCase command, OwningCase owner) {
        return owner.decide(CaseAction.REOPEN, command,
                at -> Decision.record(new CaseReopened(owner.caseId(), command.reason(), false, at)));
    }

    /** The priority the case already has records nothing; the case looks for the SLA policy of a new one. */
    Decision prioritize(String caseId, PrioritizeCase command, Instant at) {
        return priority == command.priority()
                ? Decision.nothing()
                : Decision.record(new CasePrioritized(caseId, command.priority(), at));
    }

    static Decision resolve(String caseId, ResolveCase command, Instant at) {
        return Decision.record(new CaseResolved(caseId, command.resolutionCode(), command.summary(), at));
    }

    static Decision close(String caseId, Instant at) {
        return Decision.record(new CaseClosed(caseId, at));
    }

    void evolve(CaseEvent event) {
        if (event instanceof CaseOpened opened) {
            status = CaseStatus.OPEN;
            type = opened.type();
            channel = opened.channel();
            priority = opened.priority();
            orderId = opened.orderId();
            orderAmount = opened.orderAmount();
        } else if (event instanceof CaseAssigned assigned) {
            agentId = assigned.agentId();
            team = assigned.team();
        } else if (event instanceof CasePrioritized prioritized) {
            priority = prioritized.priority();
        } else if (event instanceof CaseAwaitingCustomer) {
            status = CaseStatus.PENDING;
        } else if (event instanceof CaseResumed || event instanceof CaseReopened) {
            status = CaseStatus.OPEN;
        } else if (event instanceof CaseResolved) {
            status = CaseStatus.RESOLVED;
        } else if (event instanceof CaseClosed) {
            status = CaseStatus.CLOSED;
        }
    }

    CaseStatus status() {
        return status;
    }

    CaseType type() {
        return type;
    }

    Channel channel() {
        return channel;
    }

    boolean isComplaint() {
        return type == CaseType.COMPLAINT;
    }

    String orderId() {
        return orderId;
    }

    Money orderAmount() {
        return orderAmount;
    }
}
