package com.caseledger.command.refunds;

import com.caseledger.command.casework.CaseRuleViolation;

/** A refund that would take more money back than the order was worth. */
public class RefundExceedsOrder extends CaseRuleViolation {

    public RefundExceedsOrder(String message) {
        super("refund-exceeds-order", "Refund above the order amount", message);
    }
}
