package com.caseledger.command.refunds;

import com.caseledger.events.Money;
import com.caseledger.platform.database.StorableText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

/**
 * Owns {@code command_side.order_refund_hold}. The order's row is locked ({@code for update}) for the rest of
 * the command's transaction, so two requests on one order are decided one after the other.
 */
@Component
public class JdbcOrderRefundLedger implements OrderRefundLedger {

    private final JdbcTemplate jdbc;

    public JdbcOrderRefundLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void hold(String orderId, Money orderAmount, Money amount) {
        jdbc.update("""
                insert into command_side.order_refund_hold (order_id, currency, order_amount, held)
                values (?, ?, ?, 0) on conflict (order_id) do nothing
                """, StorableText.of(orderId), orderAmount.currency(), orderAmount.amount());
        Ledger ledger = lock(orderId);
        if (!ledger.currency().equals(amount.currency())) {
            throw new RefundExceedsOrder("Order " + orderId + " was paid in " + ledger.currency()
                    + "; a refund in " + amount.currency() + " cannot be held against it.");
        }
        BigDecimal after = ledger.held().add(amount.amount());
        if (after.compareTo(ledger.orderAmount()) > 0) {
            throw new RefundExceedsOrder("Order " + orderId + " is worth " + ledger.orderAmount().toPlainString() + " "
                    + ledger.currency() + " and " + ledger.held().toPlainString() + " of it is already requested, approved"
                    + " or refunded; " + amount.amount().toPlainString() + " more would exceed it.");
        }
        jdbc.update("update command_side.order_refund_hold set held = ? where order_id = ?", after, StorableText.of(orderId));
    }

    @Override
    public void release(String orderId, Money amount) {
        lock(orderId);
        jdbc.update("update command_side.order_refund_hold set held = held - ? where order_id = ?", amount.amount(),
                StorableText.of(orderId));
    }

    private Ledger lock(String orderId) {
        List<Ledger> rows = jdbc.query("""
                        select currency, order_amount, held from command_side.order_refund_hold
                        where order_id = ? for update
                        """,
                (rs, row) -> new Ledger(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)), StorableText.of(orderId));
        if (rows.isEmpty()) {
            throw new IllegalStateException("No refund ledger for order " + orderId);
        }
        return rows.get(0);
    }

    private record Ledger(String currency, BigDecimal orderAmount, BigDecimal held) {
    }
}
