package com.caseledger.query.reports;

import com.caseledger.query.casefold.RecordedCases;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Function;

/**
 * The service-level facts of the cases opened in a period as they stood at an instant: every case folded from the
 * events recorded up to it ({@link RecordedCases}), of which only the facts of the period's cases are kept, so memory
 * holds what the live report holds for the same period. It costs a read of every event recorded up to the instant.
 */
@Component
class RecordedServiceLevelFacts {

    private final RecordedCases cases;

    RecordedServiceLevelFacts(RecordedCases cases) {
        this.cases = cases;
    }

    /** Lends the facts of the cases opened in [from, to), as the events recorded up to asOf left them, to a report. */
    <R> R openedBetween(Instant asOf, Instant from, Instant to, Function<OpenedCases, R> report) {
        long start = CaseFacts.micros(from);
        long end = CaseFacts.micros(to);
        CasesByOpening held = new CasesByOpening();
        cases.foldEach(asOf, timeline -> {
            long openedAt = CaseFacts.storedMicros(timeline.openedAt());
            if (openedAt >= start && openedAt < end) {
                CaseFacts facts = CaseFacts.of(timeline);
                synchronized (held) {
                    held.keep(facts);
                }
            }
        });
        held.order();
        return report.apply(held.openedBetween(from, to));
    }
}
