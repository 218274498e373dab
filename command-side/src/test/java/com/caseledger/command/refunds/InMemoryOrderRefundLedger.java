package com.caseledger.command.refunds;

import com.caseledger.events.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link OrderRefundLedger} for aggregate fixtures that keeps the same books as
 * {@link JdbcOrderRefundLedger}: per order its currency, its amount and the money held, refusing holds past
 * the order's amount. It remembers every release so a test can check which money was given back.
 */
public class InMemoryOrderRefundLedger implements OrderRefundLedger {

    private final Map<String, OrderBook> orders = new HashMap<>();
    private final List<Release> releases = new ArrayList<>();

    @Override
    public void hold(String orderId, Money orderAmount, Money amount) {
        OrderBook book = orders.computeIfAbsent(orderId,
                id -> new OrderBook(orderAmount.currency(), orderAmount.amount()));
        if (!book.currency.equals(amount.currency())) {
            throw new RefundExceedsOrder("Order " + orderId + " was paid in " + book.currency + "; a refund in "
                    + amount.currency() + " cannot be held against it.");
        }
        BigDecimal after = book.held.add(amount.amount());
        if (after.compareTo(book.orderAmount) > 0) {
            throw new RefundExceedsOrder("Order " + orderId + " is worth " + book.orderAmount.toPlainString() + " "
                    + book.currency + " and " + book.held.toPlainString() + " of it is already held; "
                    + amount.amount().toPlainString() + " more would exceed it.");
        }
        book.held = after;
    }

    @Override
    public void release(String orderId, Money amount) {
        OrderBook book = orders.get(orderId);
        if (book == null) {
            throw new IllegalStateException("No refund ledger for order " + orderId);
        }
        BigDecimal after = book.held.subtract(amount.amount());
        // Giving back more than was held means a request released twice or never held: a bug to surface.
        if (after.signum() < 0) {
            throw new IllegalStateException("Order " + orderId + " holds only " + book.held.toPlainString()
                    + "; cannot release " + amount.amount().toPlainString());
        }
        book.held = after;
        releases.add(new Release(orderId, amount));
    }

    /** The money currently held on the order: zero for an order the ledger has never seen. */
    public BigDecimal heldOn(String orderId) {
        OrderBook book = orders.get(orderId);
        return book == null ? BigDecimal.ZERO.setScale(Money.SCALE) : book.held;
    }

    /** Every release, oldest first. */
    public List<Release> releases() {
        return List.copyOf(releases);
    }

    public record Release(String orderId, Money amount) {
    }

    private static final class OrderBook {
        private final String currency;
        private final BigDecimal orderAmount;
        private BigDecimal held = BigDecimal.ZERO.setScale(Money.SCALE);

        private OrderBook(String currency, BigDecimal orderAmount) {
            this.currency = currency;
            this.orderAmount = orderAmount;
        }
    }
}
