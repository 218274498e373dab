package com.caseledger.platform.personaldata;

import com.caseledger.events.CaseEvent;

import java.util.Optional;

/** The keys personal text is sealed and opened with: one current key per customer, any number destroyed. */
public interface PersonalDataKeys {

    /** The current key of the customer the event is about, made on first use (in the transaction recording it). */
    CustomerKey currentKeyFor(CaseEvent event);

    /** The key of this id, live or destroyed; empty for an id that was never issued. */
    Optional<CustomerKey> key(String keyId);
}
