package com.caseledger.platform.personaldata;

import com.caseledger.events.CaseEvent;

import java.util.Collection;
import java.util.Optional;

/** The keys personal text is sealed and opened with: one current key per customer, any number destroyed. */
public interface PersonalDataKeys {

    /** The current key of the customer the event is about, made on first use (in the transaction recording it). */
    CustomerKey currentKeyFor(CaseEvent event);

    /** The key of this id, live or destroyed; empty for an id that was never issued. */
    Optional<CustomerKey> key(String keyId);

    /**
     * Reads the keys of the customers of these cases in one look, for a reader about to open the texts of many events
     * (a rebuild, the export, a report as of an instant) instead of one look per key: kept in the node's cache, and
     * answered as keys at hand, which hold them whatever the cache keeps (a full cache may turn new keys away).
     */
    default PersonalDataKeys prefetchForCases(Collection<String> caseIds) {
        return this;
    }
}
