package com.caseledger.command.customers;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase a customer's personal data: destroy the keys of their text. */
public record EraseCustomer(String customerId) {

    @TargetAggregateIdentifier
    public String erasureRecordId() {
        return CustomerErasures.idOf(customerId);
    }
}
