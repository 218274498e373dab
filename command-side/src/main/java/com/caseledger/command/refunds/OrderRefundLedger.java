package com.caseledger.command.refunds;

import com.caseledger.events.Money;

/**
 * The money that after-sales requests hold on each order, across every case that references it. It takes
 * part in the command's transaction: a refused command or a failed append leaves it unchanged.
 */
public interface OrderRefundLedger {

    /**
     * Holds {@code amount} of the order's money for a request.
     *
     * @throws RefundExceedsOrder when the order's held money would exceed its amount
     */
    void hold(String orderId, Money orderAmount, Money amount);

    /** Gives back money a rejected or failed request held. */
    void release(String orderId, Money amount);
}
