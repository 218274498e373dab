package com.caseledger.query.caseview;

import java.util.Optional;

/** The orders the case list comes in; each ends by case id, so pages never overlap. */
public enum CaseOrder {
    /** Newest opened first (the default). */
    OPENED("opened"),
    /**
     * The nearest due instant among the case's ACTIVE SLA targets first: the agents' queue. Cases without an ACTIVE
     * target follow, newest opened first.
     */
    SLA_DUE("slaDue");

    private final String parameter;

    CaseOrder(String parameter) {
        this.parameter = parameter;
    }

    public static Optional<CaseOrder> parse(String value) {
        for (CaseOrder order : values()) {
            if (order.parameter.equals(value)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}
