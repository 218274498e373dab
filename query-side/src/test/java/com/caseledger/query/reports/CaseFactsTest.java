package com.caseledger.query.reports;

import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseAssigned;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import com.caseledger.events.SurveyAnswered;
import com.caseledger.query.casefold.CaseTimeline;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts of a folded case, as a report as of an instant builds them from the events, are those the live report
 * reads back from {@code projections.service_level_case}: instants to the microsecond as PostgreSQL rounds them, and
 * texts as it can store them.
 */
class CaseFactsTest {

    private static final Instant OPENED = Instant.parse("2023-03-02T09:00:00.000000600Z");

    @Test
    void a_folded_case_gives_the_facts_the_report_table_holds_for_it() {
        CaseTimeline timeline = new CaseTimeline();
        timeline.apply(new CaseOpened("case-1", CaseType.COMPLAINT, Channel.PHONE, Category.PAYMENT, Priority.HIGH,
                "customer-1", "Charged twice", null, null, null, OPENED), 0);
        timeline.apply(new CaseAssigned("case-1", "agent\0one", null, OPENED.plusSeconds(60)), 1);
        timeline.apply(new AgentReplied("case-1", "agent-1", "Refund on its way", OPENED.plusSeconds(600)), 2);
        timeline.apply(new CaseResolved("case-1", "REFUNDED", null, OPENED.plusSeconds(3600)), 3);
        timeline.apply(new CaseReopened("case-1", "Not received", false, OPENED.plusSeconds(7200)), 4);
        timeline.apply(new SurveyAnswered("case-1", 2, null,
                Map.of(ServqualDimension.EMPATHY, new ServqualRating(6, 3)), OPENED.plusSeconds(7300)), 5);

        CaseFacts facts = CaseFacts.of(timeline);

        assertThat(facts.openedAt()).as("600 ns round up to the next microsecond")
                .isEqualTo(CaseFacts.micros(Instant.parse("2023-03-02T09:00:00.000001Z")));
        assertThat(facts.agentId()).isEqualTo("agent\uFFFDone");
        assertThat(facts.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(facts.resolutionChanges()).containsExactly(
                CaseFacts.micros(Instant.parse("2023-03-02T10:00:00.000001Z")),
                CaseFacts.micros(Instant.parse("2023-03-02T11:00:00.000001Z")));
        assertThat(facts.replies()).isEqualTo(1);
        assertThat(facts.reopens()).isEqualTo(1);
        assertThat(facts.resolvedEver()).isTrue();
        assertThat(facts.firstReplySeconds()).isEqualTo(600);
        assertThat(facts.firstResolutionSeconds()).isEqualTo(3600);
        assertThat(facts.fullResolutionSeconds()).as("not resolved now").isEqualTo(CaseFacts.NONE);
        assertThat(facts.requesterWaitSeconds()).isEqualTo(3600);
        assertThat(facts.businessFirstReplySeconds()).as("no policy: every instant counts").isEqualTo(600);
        assertThat(facts.csat()).isEqualTo(2);
        assertThat(facts.nps()).isEqualTo(CaseFacts.NONE);
        assertThat(facts.servqualGaps()).containsExactly(CaseFacts.NONE, CaseFacts.NONE, CaseFacts.NONE,
                CaseFacts.NONE, -3);
        assertThat(facts.refunded()).isFalse();
        assertThat(facts.issuedRefunds()).isEmpty();
        assertThat(facts.firstReplyOutcome()).isNull();
    }

    @Test
    void cases_kept_in_any_order_are_read_in_the_order_they_were_opened() {
        CasesByOpening cases = new CasesByOpening();
        cases.keep(opened("case-b", "2023-03-03T00:00:00Z"));
        cases.keep(opened("case-c", "2023-03-05T00:00:00Z"));
        cases.keep(opened("case-a", "2023-03-01T00:00:00Z"));
        cases.order();

        OpenedCases march = cases.openedBetween(Instant.parse("2023-03-01T00:00:00Z"), Instant.parse("2023-03-04T00:00:00Z"));

        assertThat(march.size()).isEqualTo(2);
        assertThat(march.openedAt(0)).isEqualTo(CaseFacts.micros(Instant.parse("2023-03-01T00:00:00Z")));
        assertThat(march.openedAt(1)).isEqualTo(CaseFacts.micros(Instant.parse("2023-03-03T00:00:00Z")));
    }

    private static CaseFacts opened(String caseId, String at) {
        CaseTimeline timeline = new CaseTimeline();
        timeline.apply(new CaseOpened(caseId, CaseType.INQUIRY, Channel.EMAIL, Category.OTHER, Priority.NORMAL,
                "customer-" + caseId, "A question", null, null, null, Instant.parse(at)), 0);
        return CaseFacts.of(timeline);
    }
}
