package com.caseledger.command.refunds;

import com.caseledger.events.Money;
import com.caseledger.events.RefundKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * Requests that carry money up to the auto-approval limit (in the order's currency) are approved at once
 * by the system; larger ones, and exchanges and repairs, wait for an approver.
 */
@Component
public class RefundApprovalPolicy {

    private final BigDecimal autoApprovalLimit;

    @Autowired
    public RefundApprovalPolicy(RefundSettings settings) {
        this(settings.autoApprovalLimit());
    }

    public RefundApprovalPolicy(BigDecimal autoApprovalLimit) {
        this.autoApprovalLimit = autoApprovalLimit;
    }

    public boolean approvesAtOnce(RefundKind kind, Money amount) {
        return kind.carriesMoney() && amount != null && amount.amount().compareTo(autoApprovalLimit) <= 0;
    }
}
