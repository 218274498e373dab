package com.caseledger.query.casefold;

import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseAwaitingCustomer;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseResumed;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.Priority;
import com.caseledger.events.SlaPolicyApplied;
import com.caseledger.events.sla.SlaTargets;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Each SLA target's clock runs only while the case is OPEN, and is read as of an instant. */
class SlaClocksTest {

    private static final String ID = "case-1";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final SlaTargets TARGETS = new SlaTargets(3600L, 1800L, 7200L);

    private final CaseTimeline timeline = new CaseTimeline();
    private long sequence;

    private static Instant at(long minutes) {
        return T0.plusSeconds(60 * minutes);
    }

    private void fold(CaseEvent... events) {
        for (CaseEvent event : events) {
            timeline.apply(event, sequence++);
        }
    }

    private void openedWithPolicy() {
        fold(new CaseOpened(ID, CaseType.INQUIRY, Channel.SMS, Category.OTHER, Priority.HIGH, "c-1", "Hello", null,
                        null, null, T0),
                new SlaPolicyApplied(ID, "p", 1L, null, null, TARGETS, null, false, T0));
    }

    private SlaView read(long minutes) {
        return timeline.slaClocks().at(at(minutes));
    }

    @Test
    void a_case_without_a_policy_has_no_clocks() {
        fold(new CaseOpened(ID, CaseType.INQUIRY, Channel.SMS, Category.OTHER, Priority.HIGH, "c-1", "Hello", null,
                null, null, T0));

        assertThat(timeline.slaClocks()).isNull();
    }

    @Test
    void time_pending_does_not_count_and_a_pending_target_is_paused() {
        openedWithPolicy();
        fold(new CaseAwaitingCustomer(ID, "photo?", at(20)));

        assertThat(read(300).firstReply()).isEqualTo(new SlaTargetView(null, SlaStatus.PAUSED, null));

        fold(new CaseResumed(ID, at(100)));

        // 20 minutes used before the wait, 40 left from minute 100
        assertThat(read(110).firstReply()).isEqualTo(new SlaTargetView(at(140), SlaStatus.ACTIVE, null));
        assertThat(read(141).firstReply()).isEqualTo(new SlaTargetView(at(140), SlaStatus.BREACHED, at(140)));
    }

    @Test
    void a_target_met_in_time_stays_met_and_one_met_late_stays_breached() {
        openedWithPolicy();
        fold(new AgentReplied(ID, "a-1", "hi", at(60)));

        assertThat(read(10_000).firstReply()).isEqualTo(new SlaTargetView(at(60), SlaStatus.MET, null));
        assertThat(read(10_000).resolution()).isEqualTo(new SlaTargetView(at(120), SlaStatus.BREACHED, at(120)));

        fold(new CaseResolved(ID, "DONE", null, at(121)));

        assertThat(read(10_000).resolution()).isEqualTo(new SlaTargetView(at(120), SlaStatus.BREACHED, at(120)));
    }

    @Test
    void next_reply_measures_the_oldest_unanswered_message_after_the_first_reply() {
        openedWithPolicy();
        fold(new CustomerMessageReceived(ID, "before any reply", Channel.SMS, at(5)));

        assertThat(read(10).nextReply()).as("a message before the first reply waits for the first reply").isNull();

        fold(new AgentReplied(ID, "a-1", "hi", at(10)),
                new CustomerMessageReceived(ID, "and?", Channel.SMS, at(20)),
                new CustomerMessageReceived(ID, "hello?", Channel.SMS, at(40)));

        assertThat(read(45).nextReply()).isEqualTo(new SlaTargetView(at(50), SlaStatus.ACTIVE, null));

        fold(new AgentReplied(ID, "a-1", "sorry", at(55)));

        assertThat(read(60).nextReply()).isEqualTo(new SlaTargetView(at(50), SlaStatus.BREACHED, at(50)));

        fold(new CustomerMessageReceived(ID, "thanks, one more", Channel.SMS, at(70)));

        assertThat(read(71).nextReply()).as("a new wait, a new target").isEqualTo(
                new SlaTargetView(at(100), SlaStatus.ACTIVE, null));
    }

    @Test
    void a_reopen_resumes_the_resolution_clock_with_the_time_already_used() {
        openedWithPolicy();
        fold(new AgentReplied(ID, "a-1", "done", at(10)),
                new CaseResolved(ID, "DONE", null, at(90)));

        assertThat(read(100).resolution()).isEqualTo(new SlaTargetView(at(120), SlaStatus.MET, null));

        fold(new CaseReopened(ID, "not done", false, at(200)));

        assertThat(read(210).resolution()).isEqualTo(new SlaTargetView(at(230), SlaStatus.ACTIVE, null));
        assertThat(read(231).resolution()).isEqualTo(new SlaTargetView(at(230), SlaStatus.BREACHED, at(230)));
    }

    @Test
    void a_policy_taken_away_takes_the_clocks_with_it() {
        openedWithPolicy();
        fold(SlaPolicyApplied.none(ID, at(5)));

        assertThat(timeline.slaClocks()).isNull();
    }
}
