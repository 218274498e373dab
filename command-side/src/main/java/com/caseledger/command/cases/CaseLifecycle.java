package com.caseledger.command.cases;

import com.caseledger.command.casework.Decision;
import com.caseledger.events.CaseAssigned;
import com.caseledger.events.CaseAwaitingCustomer;
import com.caseledger.events.CaseClosed;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CasePrioritized;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseResumed;
import com.caseledger.events.CaseStatus;
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.CaseType;
import com.caseledger.events.Channel;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Instant;
import java.util.Objects;

/**
 * The case's own state (status, type, priority, assignment, order) and the decisions that only it needs: a customer
 * message that resumes or reopens the case, an assignment or priority that changes nothing.
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

    /** The customer wrote again: a PENDING case resumes, a RESOLVED one is reopened by the customer. */
    Decision customerMessage(String caseId, RecordCustomerMessage command, Instant at) {
        Decision decision = Decision.record(new CustomerMessageReceived(caseId, command.body(), command.channel(), at));
        if (status == CaseStatus.PENDING) {
            decision.and(new CaseResumed(caseId, at));
        } else if (status == CaseStatus.RESOLVED) {
            decision.and(new CaseReopened(caseId, CUSTOMER_MESSAGE_REOPEN_REASON, true, at));
        }
        return decision;
    }

    /** Assigning to the agent and team the case already has records nothing. */
    Decision assign(String caseId, AssignCase command, Instant at) {
        return Objects.equals(agentId, command.agentId()) && Objects.equals(team, command.team())
                ? Decision.nothing()
                : Decision.record(new CaseAssigned(caseId, command.agentId(), command.team(), at));
    }

    /** The priority the case already has records nothing. */
    Decision prioritize(String caseId, PrioritizeCase command, Instant at) {
        return priority == command.priority()
                ? Decision.nothing()
                : Decision.record(new CasePrioritized(caseId, command.priority(), at));
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
