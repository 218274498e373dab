package com.caseledger.command.followups;

import com.caseledger.command.casework.CaseAction;
import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.command.casework.CaseRuleViolation;
import com.caseledger.command.casework.Decision;
import com.caseledger.command.casework.InvalidCaseInput;
import com.caseledger.command.casework.OwningCase;
import com.caseledger.command.casework.UnknownCasePart;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.FollowUpCompleted;
import com.caseledger.events.FollowUpMissed;
import com.caseledger.events.FollowUpRescheduled;
import com.caseledger.events.FollowUpScheduled;
import com.caseledger.events.FollowUpStatus;
import com.caseledger.events.StorableTime;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A case's follow-up calls and their rules: a call is scheduled for a time not before it was planned, then
 * completed (the customer reached, with an optional satisfaction 1..5) or missed, and a scheduled or missed call may
 * be rescheduled. A resolved complaint gets an automatic call unless one is already scheduled. A part of its case
 * (an Axon aggregate member), which takes calls in every status, closed included.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class FollowUpCalls {

    private static final String AFTER_RESOLUTION_FOLLOW_UP = "after-resolution-";
    private static final String NOT_REACHED = "customer not reached";

    /** A case holds its calls in memory and in its views: far more than any real case needs, and no more. */
    static final int MAX_CALLS = 100;

    private final Map<String, FollowUpStatus> calls = new LinkedHashMap<>();

    @CommandHandler
    CaseCommandResult handle(ScheduleFollowUp command, OwningCase owner) {
        return owner.decide(CaseAction.FOLLOW_UP, command, at -> schedule(owner.caseId(), command, at));
    }

    @CommandHandler
    CaseCommandResult handle(CompleteFollowUp command, OwningCase owner) {
        return owner.decide(CaseAction.FOLLOW_UP, command, at -> complete(owner.caseId(), command, at));
    }

    @CommandHandler
    CaseCommandResult handle(MissFollowUp command, OwningCase owner) {
        return owner.decide(CaseAction.FOLLOW_UP, command, at -> {
            require(owner.caseId(), command.followUpId(), FollowUpStatus.SCHEDULED, "missed");
            return Decision.record(new FollowUpMissed(owner.caseId(), command.followUpId(), command.reason(), at));
        });
    }

    @CommandHandler
    CaseCommandResult handle(RescheduleFollowUp command, OwningCase owner) {
        return owner.decide(CaseAction.FOLLOW_UP, command, at -> reschedule(owner.caseId(), command, at));
    }

    private Decision schedule(String caseId, ScheduleFollowUp command, Instant occurredAt) {
        if (calls.containsKey(command.followUpId())) {
            throw new CaseRuleViolation("Case " + caseId + " already has a follow-up call " + command.followUpId() + ".");
        }
        if (calls.size() >= MAX_CALLS) {
            throw new CaseRuleViolation("Case " + caseId + " already has " + MAX_CALLS + " follow-up calls, the most one "
                    + "case takes; reschedule one of them instead.");
        }
        requireNotBefore(command.scheduledFor(), occurredAt);
        return Decision.record(new FollowUpScheduled(caseId, command.followUpId(), command.scheduledFor(),
                command.purpose(), false, occurredAt));
    }

    private Decision complete(String caseId, CompleteFollowUp command, Instant occurredAt) {
        require(caseId, command.followUpId(), FollowUpStatus.SCHEDULED, "completed");
        Integer satisfaction = command.satisfaction();
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw new InvalidCaseInput("satisfaction", "must be between 1 and 5");
        }
        if (command.reached()) {
            return Decision.record(new FollowUpCompleted(caseId, command.followUpId(), satisfaction, command.notes(),
                    occurredAt));
        }
        if (satisfaction != null) {
            throw new InvalidCaseInput("satisfaction", "can only be given when the customer was reached");
        }
        return Decision.record(new FollowUpMissed(caseId, command.followUpId(),
                command.notes() != null ? command.notes() : NOT_REACHED, occurredAt));
    }

    private Decision reschedule(String caseId, RescheduleFollowUp command, Instant occurredAt) {
        if (status(caseId, command.followUpId()) == FollowUpStatus.COMPLETED) {
            throw new CaseRuleViolation("Follow-up call " + command.followUpId() + " is COMPLETED; only a SCHEDULED"
                    + " or MISSED call can be rescheduled.");
        }
        requireNotBefore(command.scheduledFor(), occurredAt);
        return Decision.record(new FollowUpRescheduled(caseId, command.followUpId(), command.scheduledFor(), occurredAt));
    }

    /** The automatic call after a complaint's resolution, unless a call is already scheduled. */
    public Decision afterComplaintResolution(String caseId, FollowUpPolicy policy, Instant resolvedAt) {
        if (calls.containsValue(FollowUpStatus.SCHEDULED) || calls.size() >= MAX_CALLS) {
            return Decision.nothing();
        }
        return Decision.nothing().andBySystem(new FollowUpScheduled(caseId,
                AFTER_RESOLUTION_FOLLOW_UP + (calls.size() + 1), policy.callAfterResolutionAt(resolvedAt),
                FollowUpPolicy.AFTER_RESOLUTION_PURPOSE, true, resolvedAt));
    }

    public void evolve(CaseEvent event) {
        if (event instanceof FollowUpScheduled scheduled) {
            calls.put(scheduled.followUpId(), FollowUpStatus.SCHEDULED);
        } else if (event instanceof FollowUpRescheduled rescheduled) {
            calls.put(rescheduled.followUpId(), FollowUpStatus.SCHEDULED);
        } else if (event instanceof FollowUpCompleted completed) {
            calls.put(completed.followUpId(), FollowUpStatus.COMPLETED);
        } else if (event instanceof FollowUpMissed missed) {
            calls.put(missed.followUpId(), FollowUpStatus.MISSED);
        }
    }

    private FollowUpStatus status(String caseId, String followUpId) {
        FollowUpStatus status = calls.get(followUpId);
        if (status == null) {
            throw new UnknownCasePart("Case " + caseId + " has no follow-up call " + followUpId + ".");
        }
        return status;
    }

    private void require(String caseId, String followUpId, FollowUpStatus required, String verb) {
        FollowUpStatus status = status(caseId, followUpId);
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
}
