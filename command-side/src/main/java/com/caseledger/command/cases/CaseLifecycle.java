package com.caseledger.command.cases;

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
import com.caseledger.events.CaseType;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.util.Objects;

/** What the case's own decisions need to know of it: its status, type, priority, assignment and order. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class CaseLifecycle {

    private CaseStatus status;
    private CaseType type;
    private Priority priority;
    private String agentId;
    private String team;
    private String orderId;
    private Money orderAmount;

    void evolve(CaseEvent event) {
        if (event instanceof CaseOpened opened) {
            status = CaseStatus.OPEN;
            type = opened.type();
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

    boolean isComplaint() {
        return type == CaseType.COMPLAINT;
    }

    boolean hasPriority(Priority wanted) {
        return priority == wanted;
    }

    boolean isAssignedTo(String wantedAgent, String wantedTeam) {
        return Objects.equals(agentId, wantedAgent) && Objects.equals(team, wantedTeam);
    }

    String orderId() {
        return orderId;
    }

    Money orderAmount() {
        return orderAmount;
    }
}
