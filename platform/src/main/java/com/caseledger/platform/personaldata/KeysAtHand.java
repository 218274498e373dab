package com.caseledger.platform.personaldata;

import com.caseledger.events.CaseEvent;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Keys a reader read in one look for a batch of events, in front of the store that read them for anything else. */
record KeysAtHand(Map<String, Optional<CustomerKey>> read, PersonalDataKeys store) implements PersonalDataKeys {

    @Override
    public CustomerKey currentKeyFor(CaseEvent event) {
        return store.currentKeyFor(event);
    }

    @Override
    public Optional<CustomerKey> key(String keyId) {
        Optional<CustomerKey> atHand = read.get(keyId);
        return atHand != null ? atHand : store.key(keyId);
    }

    @Override
    public PersonalDataKeys prefetchForCases(Collection<String> caseIds) {
        return store.prefetchForCases(caseIds);
    }
}
