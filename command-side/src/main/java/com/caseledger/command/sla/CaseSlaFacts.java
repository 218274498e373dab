package com.caseledger.command.sla;

import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseAwaitingCustomer;
import com.caseledger.events.CaseClosed;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseResumed;
import com.caseledger.events.CaseStatus;
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.sla.SlaFacts;
import com.caseledger.events.sla.StatusMark;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@link SlaFacts} of one case folded from its events, from which the case decides breaches and met targets.
 * Its fields are part of the case's snapshot.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CaseSlaFacts implements SlaFacts {

    private final List<StatusAt> statusChanges = new ArrayList<>();
    private Instant openedAt;
    private Instant firstReplyAt;
    private Instant replyWaitStartedAt;
    private Instant replyWaitAnsweredAt;
    private Instant lastResolvedAt;

    /** One status the case entered. */
    public record StatusAt(Instant at, CaseStatus status) implements StatusMark {
    }

    public void evolve(CaseEvent event) {
        Instant at = event.occurredAt();
        if (event instanceof CaseOpened) {
            openedAt = at;
            statusChanges.add(new StatusAt(at, CaseStatus.OPEN));
        } else if (event instanceof CustomerMessageReceived) {
            if (firstReplyAt != null && (replyWaitStartedAt == null || replyWaitAnsweredAt != null)) {
                replyWaitStartedAt = at;
                replyWaitAnsweredAt = null;
            }
        } else if (event instanceof AgentReplied) {
            if (firstReplyAt == null) {
                firstReplyAt = at;
            } else if (replyWaitStartedAt != null && replyWaitAnsweredAt == null) {
                replyWaitAnsweredAt = at;
            }
        } else if (event instanceof CaseAwaitingCustomer) {
            statusChanges.add(new StatusAt(at, CaseStatus.PENDING));
        } else if (event instanceof CaseResumed || event instanceof CaseReopened) {
            statusChanges.add(new StatusAt(at, CaseStatus.OPEN));
        } else if (event instanceof CaseResolved) {
            statusChanges.add(new StatusAt(at, CaseStatus.RESOLVED));
            lastResolvedAt = at;
        } else if (event instanceof CaseClosed) {
            statusChanges.add(new StatusAt(at, CaseStatus.CLOSED));
        }
    }

    @Override
    public List<StatusAt> statusChanges() {
        return Collections.unmodifiableList(statusChanges);
    }

    @Override
    public Instant openedAt() {
        return openedAt;
    }

    @Override
    public Instant firstReplyAt() {
        return firstReplyAt;
    }

    @Override
    public Instant replyWaitStartedAt() {
        return replyWaitStartedAt;
    }

    @Override
    public Instant replyWaitAnsweredAt() {
        return replyWaitAnsweredAt;
    }

    @Override
    public Instant resolvedAt() {
        return statusChanges.isEmpty() || !statusChanges.get(statusChanges.size() - 1).status().isResolvedOrClosed()
                ? null : lastResolvedAt;
    }
}
