package com.caseledger.events;

/** The "repair, replace, refund" guarantee: what the customer asked for after the sale. */
public enum RefundKind {
    REFUND_ONLY(true),
    RETURN_AND_REFUND(true),
    EXCHANGE(false),
    REPAIR(false);

    private final boolean carriesMoney;

    RefundKind(boolean carriesMoney) {
        this.carriesMoney = carriesMoney;
    }

    /** Whether the request pays money back (and so has an amount); otherwise it ships goods or does work. */
    public boolean carriesMoney() {
        return carriesMoney;
    }
}
