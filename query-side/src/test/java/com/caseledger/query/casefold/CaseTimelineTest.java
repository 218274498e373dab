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
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.Priority;
import com.caseledger.events.SlaPolicyApplied;
import com.caseledger.events.SlaTargetBreached;
import com.caseledger.events.SlaTargetMet;
import com.caseledger.events.sla.BusinessCalendar;
import com.caseledger.events.sla.SlaTargetKind;
import com.caseledger.events.sla.SlaTargets;
import com.caseledger.events.sla.WorkingInterval;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    @Test
    void the_latest_outcome_of_each_target_counts_and_each_next_reply_wait_is_a_target_of_its_own() {
        CaseTimeline timeline = opened();
        timeline.apply(new SlaPolicyApplied(ID, "p", 1L, null, null, new SlaTargets(600L, 300L, 3600L), null, false, T0), 1);
        timeline.apply(new AgentReplied(ID, "a-1", "hello", at(100)), 2);
        timeline.apply(new SlaTargetMet(ID, SlaTargetKind.FIRST_REPLY, "p", null, at(600), at(100)), 3);
        // wait 1, from 200: answered late
        timeline.apply(new CustomerMessageReceived(ID, "and?", Channel.EMAIL, at(200)), 4);
        timeline.apply(new SlaTargetBreached(ID, SlaTargetKind.NEXT_REPLY, "p", at(200), at(500), at(500)), 5);
        timeline.apply(new AgentReplied(ID, "a-1", "sorry", at(700)), 6);
        // wait 2, from 800: answered in time
        timeline.apply(new CustomerMessageReceived(ID, "thanks", Channel.EMAIL, at(800)), 7);
        timeline.apply(new AgentReplied(ID, "a-1", "welcome", at(900)), 8);
        timeline.apply(new SlaTargetMet(ID, SlaTargetKind.NEXT_REPLY, "p", at(800), at(1100), at(900)), 9);
        // resolution met, then reopened and breached after all
        timeline.apply(new CaseResolved(ID, "ANSWERED", null, at(1000)), 10);
        timeline.apply(new SlaTargetMet(ID, SlaTargetKind.RESOLUTION, "p", null, at(3600), at(1000)), 11);
        timeline.apply(new CaseReopened(ID, "not solved", true, at(2000)), 12);
        timeline.apply(new SlaTargetBreached(ID, SlaTargetKind.RESOLUTION, "p", null, at(4600), at(4600)), 13);

        assertThat(timeline.firstReplyOutcome()).isEqualTo(SlaOutcome.MET);
        assertThat(timeline.resolutionOutcome()).isEqualTo(SlaOutcome.BREACHED);
        assertThat(timeline.nextReplyTargets(SlaOutcome.MET)).as("wait 2").isEqualTo(1);
        assertThat(timeline.nextReplyTargets(SlaOutcome.BREACHED)).as("wait 1").isEqualTo(1);
    }

    @Test
    void a_case_without_outcomes_on_record_has_none() {
        CaseTimeline timeline = opened();

        assertThat(timeline.firstReplyOutcome()).isNull();
        assertThat(timeline.resolutionOutcome()).isNull();
        assertThat(timeline.nextReplyTargets(SlaOutcome.MET)).isZero();
        assertThat(timeline.nextReplyTargets(SlaOutcome.BREACHED)).isZero();
    }

    /** Monday to Friday, 09:00 to 17:00 in Berlin (UTC+1 in March 2024). */
    private static final BusinessCalendar BERLIN_OFFICE = BusinessCalendar.parse("Europe/Berlin",
            Map.of("MONDAY", List.of(new WorkingInterval.Text("09:00", "17:00")),
                    "TUESDAY", List.of(new WorkingInterval.Text("09:00", "17:00")),
                    "WEDNESDAY", List.of(new WorkingInterval.Text("09:00", "17:00")),
                    "THURSDAY", List.of(new WorkingInterval.Text("09:00", "17:00")),
                    "FRIDAY", List.of(new WorkingInterval.Text("09:00", "17:00"))),
            List.of());

    /**
     * Opened Friday 1 March 2024 16:00 Berlin; replied Monday 10:00; PENDING Monday 11:00 to Tuesday 10:00; resolved
     * Tuesday 12:00.
     */
    private static CaseTimeline officeCase(BusinessCalendar calendar) {
        Instant friday = Instant.parse("2024-03-01T15:00:00Z");
        CaseTimeline timeline = new CaseTimeline();
        timeline.apply(new CaseOpened(ID, CaseType.INQUIRY, Channel.EMAIL, Category.OTHER, Priority.NORMAL, "c-1",
                "Invoice", null, null, null, friday), 0);
        timeline.apply(new SlaPolicyApplied(ID, "office", 1L, calendar == null ? null : "berlin", calendar == null ? null : 1L,
                new SlaTargets(3600L, null, null), calendar, false, friday), 1);
        timeline.apply(new AgentReplied(ID, "a-1", "looking", Instant.parse("2024-03-04T09:00:00Z")), 2);
        timeline.apply(new CaseAwaitingCustomer(ID, "number?", Instant.parse("2024-03-04T10:00:00Z")), 3);
        timeline.apply(new CaseResumed(ID, Instant.parse("2024-03-05T09:00:00Z")), 4);
        timeline.apply(new CaseResolved(ID, "ANSWERED", null, Instant.parse("2024-03-05T11:00:00Z")), 5);
        return timeline;
    }

    @Test
    void business_durations_count_only_the_working_time_of_the_calendar_of_the_case_policy() {
        CaseTimeline timeline = officeCase(BERLIN_OFFICE);

        // first reply: Friday 16:00-17:00, Monday 09:00-10:00 = 2 h
        assertThat(timeline.businessFirstReplySeconds()).isEqualTo(2 * 3600);
        // resolution: Friday 1 h, Monday 8 h, Tuesday 09:00-12:00 3 h = 12 h
        assertThat(timeline.businessFirstResolutionSeconds()).isEqualTo(12 * 3600);
        assertThat(timeline.businessFullResolutionSeconds()).isEqualTo(12 * 3600);
        // OPEN Friday 16:00 to Monday 11:00 (1 h + 2 h), PENDING until Tuesday 10:00, OPEN to 12:00 (2 h) = 5 h
        assertThat(timeline.businessRequesterWaitSeconds()).isEqualTo(5 * 3600);
        // in calendar time: 66 h to the reply, 92 h to the resolution, 67 h + 2 h OPEN
        assertThat(timeline.firstReplySeconds()).isEqualTo(66 * 3600);
        assertThat(timeline.fullResolutionSeconds()).isEqualTo(92 * 3600);
        assertThat(timeline.requesterWaitSeconds()).isEqualTo(69 * 3600);
    }

    @Test
    void without_a_calendar_business_durations_are_the_calendar_ones() {
        CaseTimeline timeline = officeCase(null);

        assertThat(timeline.businessFirstReplySeconds()).isEqualTo(timeline.firstReplySeconds());
        assertThat(timeline.businessFirstResolutionSeconds()).isEqualTo(timeline.firstResolutionSeconds());
        assertThat(timeline.businessFullResolutionSeconds()).isEqualTo(timeline.fullResolutionSeconds());
        assertThat(timeline.businessRequesterWaitSeconds()).isEqualTo(timeline.requesterWaitSeconds());
    }

    @Test
    void business_requester_wait_stops_at_the_latest_resolution_and_is_absent_before_the_first() {
        CaseTimeline timeline = officeCase(BERLIN_OFFICE);
        CaseTimeline unresolved = new CaseTimeline();
        unresolved.apply(new CaseOpened(ID, CaseType.INQUIRY, Channel.EMAIL, Category.OTHER, Priority.NORMAL, "c-1",
                "Invoice", null, null, null, T0), 0);
        // reopened Wednesday 09:00 and open since: the figures of the latest resolution stay
        timeline.apply(new CaseReopened(ID, "wrong invoice", true, Instant.parse("2024-03-06T08:00:00Z")), 6);

        assertThat(timeline.businessRequesterWaitSeconds()).isEqualTo(5 * 3600);
        assertThat(timeline.businessFullResolutionSeconds()).isNull();
        assertThat(unresolved.businessRequesterWaitSeconds()).isNull();
        assertThat(unresolved.businessFirstReplySeconds()).isNull();
    }
}
