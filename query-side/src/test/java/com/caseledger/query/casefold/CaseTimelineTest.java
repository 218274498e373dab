package com.caseledger.query.casefold;

import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseAwaitingCustomer;
import com.caseledger.events.CaseClosed;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseResumed;
import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.InternalNoteAdded;
import com.caseledger.events.Priority;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CaseTimelineTest {

    private static final String ID = "case-1";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static Instant at(long secondsAfterOpening) {
        return T0.plusSeconds(secondsAfterOpening);
    }

    private CaseTimeline opened() {
        CaseTimeline timeline = new CaseTimeline();
        timeline.apply(new CaseOpened(ID, CaseType.COMPLAINT, Channel.EMAIL, Category.LOGISTICS, Priority.HIGH, "c-1",
                "Parcel damaged", null, null, null, T0), 0);
        return timeline;
    }

    @Test
    void first_reply_time_counts_only_public_replies() {
        CaseTimeline timeline = opened();
        timeline.apply(new InternalNoteAdded(ID, "a-1", "checking", at(60)), 1);
        timeline.apply(new AgentReplied(ID, "a-1", "sorry", at(300)), 2);
        timeline.apply(new AgentReplied(ID, "a-1", "update", at(900)), 3);

        assertThat(timeline.firstReplySeconds()).isEqualTo(300);
        assertThat(timeline.replies()).isEqualTo(2);
    }

    @Test
    void requester_wait_excludes_pending_time_and_stops_at_the_latest_resolution() {
        CaseTimeline timeline = opened();
        timeline.apply(new CaseAwaitingCustomer(ID, "photo please", at(600)), 1);  // OPEN 0..600 = 600
        timeline.apply(new CaseResumed(ID, at(4200)), 2);                            // PENDING 600..4200 not counted
        timeline.apply(new CaseResolved(ID, "REFUNDED", null, at(5000)), 3);        // OPEN 4200..5000 = 800
        timeline.apply(new CaseReopened(ID, "not received", false, at(8000)), 4);   // RESOLVED 5000..8000 not counted
        timeline.apply(new CaseResolved(ID, "REFUNDED", null, at(8500)), 5);        // OPEN 8000..8500 = 500

        // 600 + 800 + 500 = 1900
        assertThat(timeline.requesterWaitSeconds()).isEqualTo(1900);
        assertThat(timeline.firstResolutionSeconds()).isEqualTo(5000);
        assertThat(timeline.fullResolutionSeconds()).isEqualTo(8500);
        assertThat(timeline.reopens()).isEqualTo(1);
    }

    @Test
    void full_resolution_time_is_absent_while_a_reopened_case_is_open() {
        CaseTimeline timeline = opened();
        timeline.apply(new CaseResolved(ID, "ANSWERED", null, at(100)), 1);
        timeline.apply(new CaseReopened(ID, "customer message", true, at(200)), 2);

        assertThat(timeline.fullResolutionSeconds()).isNull();
        assertThat(timeline.firstResolutionSeconds()).isEqualTo(100);
        assertThat(timeline.resolvedAt()).isNull();
        assertThat(timeline.status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void a_closed_case_keeps_its_latest_resolution() {
        CaseTimeline timeline = opened();
        timeline.apply(new CaseResolved(ID, "ANSWERED", null, at(100)), 1);
        timeline.apply(new CaseClosed(ID, at(1000)), 2);

        assertThat(timeline.fullResolutionSeconds()).isEqualTo(100);
        assertThat(timeline.closedAt()).isEqualTo(at(1000));
        assertThat(timeline.resolvedAt()).isEqualTo(at(100));
    }

    @Test
    void an_event_folded_twice_counts_once() {
        CaseTimeline timeline = opened();
        AgentReplied reply = new AgentReplied(ID, "a-1", "hello", at(60));

        assertThat(timeline.apply(reply, 1)).isTrue();
        assertThat(timeline.apply(reply, 1)).isFalse();
        assertThat(timeline.replies()).isEqualTo(1);
        assertThat(timeline.version()).isEqualTo(1);
    }
}
