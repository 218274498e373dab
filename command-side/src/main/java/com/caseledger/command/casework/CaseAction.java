package com.caseledger.command.casework;

import com.caseledger.events.CaseStatus;

import java.util.EnumSet;
import java.util.Set;

import static com.caseledger.events.CaseStatus.CLOSED;
import static com.caseledger.events.CaseStatus.OPEN;
import static com.caseledger.events.CaseStatus.PENDING;
import static com.caseledger.events.CaseStatus.RESOLVED;

/**
 * What can be done to a case, and in which statuses: the one status guard, which every command to a case or to a part
 * of it passes before anything is decided. A CLOSED case takes only follow-up calls and surveys.
 */
public enum CaseAction {
    RECORD_CUSTOMER_MESSAGE("record a customer message on", OPEN, PENDING, RESOLVED),
    REPLY("reply on", OPEN, PENDING, RESOLVED),
    ADD_NOTE("add a note to", OPEN, PENDING, RESOLVED),
    ASSIGN("assign", OPEN, PENDING, RESOLVED),
    PRIORITIZE("change the priority of", OPEN, PENDING, RESOLVED),
    ESCALATE("escalate", OPEN, PENDING),
    AWAIT_CUSTOMER("wait for the customer on", OPEN),
    RESOLVE("resolve", OPEN, PENDING),
    REOPEN("reopen", RESOLVED),
    CLOSE("close", RESOLVED),
    REQUEST_REFUND("request a refund on", OPEN, PENDING, RESOLVED),
    DECIDE_REFUND("approve or reject a refund on", OPEN, PENDING, RESOLVED),
    SETTLE_REFUND("issue or fail a refund on", OPEN, PENDING, RESOLVED),
    FOLLOW_UP("record a follow-up call on", OPEN, PENDING, RESOLVED, CLOSED),
    SURVEY("record a survey answer on", OPEN, PENDING, RESOLVED, CLOSED);

    private final String verb;
    private final Set<CaseStatus> allowedFrom;

    CaseAction(String verb, CaseStatus first, CaseStatus... rest) {
        this.verb = verb;
        this.allowedFrom = EnumSet.of(first, rest);
    }

    public void requireAllowed(String caseId, CaseStatus current) {
        if (current == CaseStatus.CLOSED && !allowedFrom.contains(CLOSED)) {
            throw new CaseRuleViolation("Case " + caseId + " is CLOSED: you cannot " + verb
                    + " it; a closed case takes only follow-up calls and surveys.");
        }
        if (!allowedFrom.contains(current)) {
            throw new CaseRuleViolation("Case " + caseId + " is " + current + ": you can " + verb
                    + " a case only when it is " + describe(allowedFrom) + ".");
        }
    }

    private static String describe(Set<CaseStatus> statuses) {
        return statuses.size() == 1
                ? statuses.iterator().next().name()
                : String.join(" or ", statuses.stream().map(Enum::name).toList());
    }
}
