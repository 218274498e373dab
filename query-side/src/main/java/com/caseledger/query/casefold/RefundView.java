package com.caseledger.query.casefold;

import com.caseledger.events.Money;
import com.caseledger.events.RefundKind;
import com.caseledger.events.RefundStatus;

import java.time.Instant;

/** An after-sales request on a case as it stands; {@code amount} only for kinds that carry money. */
public record RefundView(String refundId, RefundKind kind, Money amount, String reason, RefundStatus status,
                         Instant requestedAt, String approverId, Boolean automaticApproval, Instant decidedAt,
                         String rejectionReason, String reference, Instant issuedAt, String failureReason,
                         Instant failedAt) {

    static RefundView requested(String refundId, RefundKind kind, Money amount, String reason, Instant at) {
        return new RefundView(refundId, kind, amount, reason, RefundStatus.REQUESTED, at, null, null, null, null, null,
                null, null, null);
    }

    RefundView approved(String approver, boolean automatic, Instant at) {
        return new RefundView(refundId, kind, amount, reason, RefundStatus.APPROVED, requestedAt, approver, automatic, at,
                null, null, null, null, null);
    }

    RefundView rejected(String why, Instant at) {
        return new RefundView(refundId, kind, amount, reason, RefundStatus.REJECTED, requestedAt, null, null, at, why,
                null, null, null, null);
    }

    RefundView issued(String issuedReference, Instant at) {
        return new RefundView(refundId, kind, amount, reason, RefundStatus.ISSUED, requestedAt, approverId,
                automaticApproval, decidedAt, null, issuedReference, at, null, null);
    }

    RefundView failed(String why, Instant at) {
        return new RefundView(refundId, kind, amount, reason, RefundStatus.FAILED, requestedAt, approverId,
                automaticApproval, decidedAt, null, null, null, why, at);
    }
}
