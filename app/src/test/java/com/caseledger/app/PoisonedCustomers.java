package com.caseledger.app;

import com.caseledger.query.casefold.CaseFoldTable;
import com.caseledger.query.casefold.CaseTimeline;
import org.springframework.boot.test.context.TestComponent;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table kept from the case fold that refuses the cases of the customers a test poisons, as a projection with a bug
 * would: the shared application context of the HTTP tests imports it, and only a test's own customers are poisoned.
 */
@TestComponent
public class PoisonedCustomers implements CaseFoldTable {

    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();

    void poison(String customerId) {
        poisoned.add(customerId);
    }

    void cure(String customerId) {
        poisoned.remove(customerId);
    }

    @Override
    public void saveAll(Collection<CaseTimeline> changed) {
        for (CaseTimeline timeline : changed) {
            if (poisoned.contains(timeline.customerId())) {
                throw new IllegalStateException("The test's projection refuses case " + timeline.caseId()
                        + " of customer " + timeline.customerId());
            }
        }
    }

    @Override
    public void deleteAll() {
    }
}
