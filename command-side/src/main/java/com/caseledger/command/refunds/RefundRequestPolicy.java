package com.caseledger.command.refunds;

import com.caseledger.command.casework.CaseRuleViolation;
import com.caseledger.command.casework.InvalidCaseInput;
import com.caseledger.events.Money;
import com.caseledger.events.RefundKind;

/**
 * What an after-sales request must carry: money (in the order's currency) for refunds, none for exchanges
 * and repairs, and a case that references an order with a known amount.
 */
public final class RefundRequestPolicy {

    private RefundRequestPolicy() {
    }

    public static void check(String caseId, RefundKind kind, Money amount, String orderId, Money orderAmount) {
        if (kind == null) {
            throw new InvalidCaseInput("kind", "is required");
        }
        if (!kind.carriesMoney()) {
            if (amount != null) {
                throw new InvalidCaseInput("amount", "must be absent for " + kind + ": it carries no money");
            }
            return;
        }
        if (amount == null) {
            throw new InvalidCaseInput("amount", "is required for " + kind);
        }
        if (orderId == null || orderAmount == null) {
            throw new CaseRuleViolation("Case " + caseId + " references no order with a known amount, so no money can"
                    + " be refunded on it; open the case with orderId and orderAmount.");
        }
        if (!orderAmount.currency().equals(amount.currency())) {
            throw new InvalidCaseInput("amount.currency", "must be " + orderAmount.currency()
                    + ", the currency order " + orderId + " was paid in");
        }
        if (amount.amount().compareTo(orderAmount.amount()) > 0) {
            throw new RefundExceedsOrder("A refund of " + amount.amount().toPlainString() + " " + amount.currency()
                    + " is more than order " + orderId + " was worth (" + orderAmount.amount().toPlainString() + ").");
        }
    }
}
