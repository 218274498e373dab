package com.caseledger.query.casefold;

import com.caseledger.events.Money;
import com.caseledger.events.RefundKind;
import com.caseledger.events.RefundStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** An after-sales request on a case as it stands; {@code amount} only for kinds that carry money. */
public record RefundView(String refundId, RefundKind kind,
                         @Schema(nullable = true, description = "null for EXCHANGE and REPAIR") Money amount,
                         String reason, RefundStatus status, Instant requestedAt,
                         @Schema(nullable = true) String approverId,
                         @Schema(nullable = true, description = "null until approved") Boolean automaticApproval,
                         @Schema(nullable = true, description = "when approved or rejected") Instant decidedAt,
                         @Schema(nullable = true) String rejectionReason,
                         @Schema(nullable = true) String reference,
                         @Schema(nullable = true) Instant issuedAt,
                         @Schema(nullable = true) String failureReason,
                         @Schema(nullable = true) Instant failedAt) {

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

    /** The request with its reasons erased. */
    RefundView erased() {
        return new RefundView(refundId, kind, amount, CaseTimeline.erased(reason), status, requestedAt, approverId,
                automaticApproval, decidedAt, CaseTimeline.erased(rejectionReason), reference, issuedAt,
                CaseTimeline.erased(failureReason), failedAt);
    }
}
