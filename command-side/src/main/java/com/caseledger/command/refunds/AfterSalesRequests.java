package com.caseledger.command.refunds;

import com.caseledger.command.casework.CaseAction;
import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.command.casework.CaseRuleViolation;
import com.caseledger.command.casework.Decision;
import com.caseledger.command.casework.NotPermitted;
import com.caseledger.command.casework.OwningCase;
import com.caseledger.command.casework.UnknownCasePart;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.EventMetadata;
import com.caseledger.events.Money;
import com.caseledger.events.RefundApproved;
import com.caseledger.events.RefundFailed;
import com.caseledger.events.RefundIssued;
import com.caseledger.events.RefundKind;
import com.caseledger.events.RefundRejected;
import com.caseledger.events.RefundRequested;
import com.caseledger.events.RefundStatus;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A case's after-sales requests (refund only, return and refund, exchange, repair) and their rules:
 * REQUESTED -> APPROVED or REJECTED -> ISSUED or FAILED, money held on the order from the request on and given back
 * when a request is rejected or fails. A part of its case (an Axon aggregate member): the case checks its status
 * first and records what this decides.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class AfterSalesRequests {

    /** A case holds its requests in memory and in its views: far more than any real case needs, and no more. */
    static final int MAX_REQUESTS = 100;

    private final Map<String, Request> requests = new LinkedHashMap<>();

    @CommandHandler
    CaseCommandResult handle(RequestRefund command, OwningCase owner, OrderRefundLedger ledger,
                             RefundApprovalPolicy approvalPolicy) {
        return owner.decide(CaseAction.REQUEST_REFUND, command, at -> request(owner.caseId(), command, owner.orderId(),
                owner.orderAmount(), ledger, approvalPolicy, at));
    }

    @CommandHandler
    CaseCommandResult handle(ApproveRefund command, OwningCase owner, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        return owner.decide(CaseAction.DECIDE_REFUND, command, at -> approve(owner.caseId(), command, actor, at));
    }

    @CommandHandler
    CaseCommandResult handle(RejectRefund command, OwningCase owner, OrderRefundLedger ledger) {
        return owner.decide(CaseAction.DECIDE_REFUND, command, at -> {
            step(owner.caseId(), command.refundId(), RefundStatus.REQUESTED, "rejected")
                    .giveBack(owner.orderId(), ledger);
            return Decision.record(new RefundRejected(owner.caseId(), command.refundId(), command.reason(), at));
        });
    }

    /** Issuing again with the same payment reference records nothing ({@link #alreadyIssued}). */
    @CommandHandler
    CaseCommandResult handle(IssueRefund command, OwningCase owner) {
        if (alreadyIssued(owner.caseId(), command)) {
            return owner.unchanged();
        }
        return owner.decide(CaseAction.SETTLE_REFUND, command, at -> {
            step(owner.caseId(), command.refundId(), RefundStatus.APPROVED, "issued");
            return Decision.record(new RefundIssued(owner.caseId(), command.refundId(), command.reference(), at));
        });
    }

    @CommandHandler
    CaseCommandResult handle(FailRefund command, OwningCase owner, OrderRefundLedger ledger) {
        return owner.decide(CaseAction.SETTLE_REFUND, command, at -> {
            step(owner.caseId(), command.refundId(), RefundStatus.APPROVED, "marked as failed")
                    .giveBack(owner.orderId(), ledger);
            return Decision.record(new RefundFailed(owner.caseId(), command.refundId(), command.reason(), at));
        });
    }

    private Decision request(String caseId, RequestRefund command, String orderId, Money orderAmount,
                             OrderRefundLedger ledger, RefundApprovalPolicy approvalPolicy, Instant occurredAt) {
        if (requests.containsKey(command.refundId())) {
            throw new CaseRuleViolation("Case " + caseId + " already has a refund " + command.refundId() + ".");
        }
        if (requests.size() >= MAX_REQUESTS) {
            throw new CaseRuleViolation("Case " + caseId + " already has " + MAX_REQUESTS + " after-sales requests, the "
                    + "most one case takes; open a new case for the customer.");
        }
        RefundRequestPolicy.check(caseId, command.kind(), command.amount(), orderId, orderAmount);
        if (command.amount() != null) {
            ledger.hold(orderId, orderAmount, command.amount());
        }
        Decision decision = Decision.record(new RefundRequested(caseId, command.refundId(), command.kind(),
                command.amount(), command.reason(), orderId, occurredAt));
        if (approvalPolicy.approvesAtOnce(command.kind(), command.amount())) {
            decision.andBySystem(new RefundApproved(caseId, command.refundId(), EventMetadata.SYSTEM, true, occurredAt));
        }
        return decision;
    }

    /**
     * Four eyes: the approver is the user who sends the approval, never the one who requested it. An import records
     * an approval already given elsewhere and names its approver (else its actor); it is exempt. Without an actor
     * (events recorded before sign-in), the approver is the one the command names.
     */
    private Decision approve(String caseId, ApproveRefund command, String actor, Instant occurredAt) {
        Request request = step(caseId, command.refundId(), RefundStatus.REQUESTED, "approved");
        String approver = command.approverId() != null ? command.approverId() : actor;
        if (!command.imported() && actor != null) {
            if (command.approverId() != null && !command.approverId().equals(actor)) {
                throw new NotPermitted("approver-not-signed-in", "Approver is not the signed-in user",
                        "approverId names " + command.approverId() + ", but " + actor + " is signed in; an approval "
                                + "is recorded under the approver who gives it.");
            }
            if (actor.equals(request.requestedBy())) {
                throw new NotPermitted("four-eyes", "Four eyes",
                        actor + " requested this " + request.kind() + " and cannot also approve it; another "
                                + "supervisor must.");
            }
        }
        return Decision.record(new RefundApproved(caseId, command.refundId(), approver, false, occurredAt));
    }

    /**
     * Issuing is idempotent: the same payment reference again is the same refund and records nothing, another
     * reference for an issued refund is refused. Answers whether the command repeats an issue already recorded.
     */
    private boolean alreadyIssued(String caseId, IssueRefund command) {
        Request request = known(caseId, command.refundId());
        if (request.status() != RefundStatus.ISSUED) {
            return false;
        }
        if (request.reference().equals(command.reference())) {
            return true;
        }
        throw new CaseRuleViolation("Refund " + command.refundId() + " was already issued with reference "
                + request.reference() + "; it cannot be issued again with " + command.reference() + ".");
    }

    /** A case is closed only once every request on it is settled (issued, failed or rejected). */
    public void requireSettled(String caseId) {
        requests.forEach((refundId, request) -> {
            if (request.status() == RefundStatus.REQUESTED || request.status() == RefundStatus.APPROVED) {
                throw new CaseRuleViolation("Case " + caseId + " still has refund " + refundId + " " + request.status()
                        + "; settle it (issue, fail or reject) before closing the case.");
            }
        });
    }

    /** @param actor who the event records as having done it (the requester, for a request) */
    public void evolve(CaseEvent event, String actor) {
        if (event instanceof RefundRequested requested) {
            requests.put(requested.refundId(),
                    new Request(requested.kind(), requested.amount(), RefundStatus.REQUESTED, null, actor));
        } else if (event instanceof RefundApproved approved) {
            move(approved.refundId(), RefundStatus.APPROVED, null);
        } else if (event instanceof RefundRejected rejected) {
            move(rejected.refundId(), RefundStatus.REJECTED, null);
        } else if (event instanceof RefundIssued issued) {
            move(issued.refundId(), RefundStatus.ISSUED, issued.reference());
        } else if (event instanceof RefundFailed failed) {
            move(failed.refundId(), RefundStatus.FAILED, null);
        }
    }

    private void move(String refundId, RefundStatus next, String reference) {
        requests.computeIfPresent(refundId,
                (id, request) -> new Request(request.kind(), request.amount(), next, reference, request.requestedBy()));
    }

    private Request step(String caseId, String refundId, RefundStatus required, String verb) {
        Request request = known(caseId, refundId);
        if (request.status() != required) {
            throw new CaseRuleViolation("This " + request.kind() + " request is " + request.status() + "; only a "
                    + required + " request can be " + verb + ".");
        }
        return request;
    }

    private Request known(String caseId, String refundId) {
        Request request = requests.get(refundId);
        if (request == null) {
            throw new UnknownCasePart("Case " + caseId + " has no refund " + refundId + ".");
        }
        return request;
    }

    /** An after-sales request as far as decisions need it; {@code requestedBy} is its requester, for four eyes. */
    private record Request(RefundKind kind, Money amount, RefundStatus status, String reference, String requestedBy) {

        /** A request that carried money gives it back to its order. */
        void giveBack(String orderId, OrderRefundLedger ledger) {
            if (amount != null) {
                ledger.release(orderId, amount);
            }
        }
    }
}
