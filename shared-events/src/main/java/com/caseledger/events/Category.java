package com.caseledger.events;

/** What a case is about. */
public enum Category {
    PRODUCT, LOGISTICS, WARRANTY, PROMOTION, PAYMENT, ACCOUNT, OTHER
}
