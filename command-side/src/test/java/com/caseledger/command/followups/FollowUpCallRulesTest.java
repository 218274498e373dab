package com.caseledger.command.followups;

import com.caseledger.command.cases.CaseRulesFixture;
import com.caseledger.command.cases.ResolveCase;
import com.caseledger.command.casework.CaseRuleViolation;
import com.caseledger.command.casework.UnknownCasePart;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseType;
import com.caseledger.events.FollowUpCompleted;
import com.caseledger.events.FollowUpMissed;
import com.caseledger.events.FollowUpRescheduled;
import com.caseledger.events.FollowUpScheduled;
import com.caseledger.events.FollowUpStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** The rules of follow-up calls: scheduling, completing, missing and rescheduling, and the automatic call after a complaint's resolution. */
class FollowUpCallRulesTest extends CaseRulesFixture {

    // --- follow-up calls ---

    @Test
    void scheduling_a_follow_up_call_is_recorded() {
        Instant tomorrow = NOW.plus(Duration.ofDays(1));
        fixture.given(opened())
                .when(new ScheduleFollowUp(CASE_ID, "call-1", tomorrow, PURPOSE, null))
                .expectEvents(new FollowUpScheduled(CASE_ID, "call-1", tomorrow, PURPOSE, false, NOW));
    }

    @Test
    void a_follow_up_call_cannot_be_scheduled_in_the_past() {
        fixture.given(opened())
                .when(new ScheduleFollowUp(CASE_ID, "call-1", NOW.minusSeconds(60), PURPOSE, null))
                .expectNoEvents()
                .expectException(invalidInput("scheduledFor"));
    }

    @Test
    void a_backfilled_follow_up_call_may_be_scheduled_for_a_time_now_past() {
        Instant plannedAt = at(30);
        Instant calledFor = at(60);
        fixture.given(opened())
                .when(new ScheduleFollowUp(CASE_ID, "call-1", calledFor, PURPOSE, plannedAt))
                .expectEvents(new FollowUpScheduled(CASE_ID, "call-1", calledFor, PURPOSE, false, plannedAt));
    }

    @Test
    void a_backfilled_follow_up_call_cannot_be_scheduled_before_it_was_planned() {
        fixture.given(opened())
                .when(new ScheduleFollowUp(CASE_ID, "call-1", at(29), PURPOSE, at(30)))
                .expectNoEvents()
                .expectException(invalidInput("scheduledFor"));
    }

    @Test
    void reaching_the_customer_completes_the_call_with_the_satisfaction() {
        fixture.given(opened(), callScheduled("call-1", at(10)))
                .when(new CompleteFollowUp(CASE_ID, "call-1", true, 4, "Works fine now", null))
                .expectEvents(new FollowUpCompleted(CASE_ID, "call-1", 4, "Works fine now", NOW));
    }

    @Test
    void a_reached_call_may_be_completed_without_a_satisfaction() {
        fixture.given(opened(), callScheduled("call-1", at(10)))
                .when(new CompleteFollowUp(CASE_ID, "call-1", true, null, null, null))
                .expectEvents(new FollowUpCompleted(CASE_ID, "call-1", null, null, NOW));
    }

    @ParameterizedTest(name = "satisfaction {0}")
    @ValueSource(ints = {0, 6, -1})
    void a_satisfaction_outside_one_to_five_is_refused(int satisfaction) {
        fixture.given(opened(), callScheduled("call-1", at(10)))
                .when(new CompleteFollowUp(CASE_ID, "call-1", true, satisfaction, null, null))
                .expectNoEvents()
                .expectException(invalidInput("satisfaction"));
    }

    @Test
    void a_call_that_did_not_reach_the_customer_is_recorded_as_missed() {
        fixture.given(opened(), callScheduled("call-1", at(10)))
                .when(new CompleteFollowUp(CASE_ID, "call-1", false, null, null, null))
                .expectEvents(new FollowUpMissed(CASE_ID, "call-1", "customer not reached", NOW));
    }

    @Test
    void a_call_that_did_not_reach_the_customer_cannot_carry_a_satisfaction() {
        fixture.given(opened(), callScheduled("call-1", at(10)))
                .when(new CompleteFollowUp(CASE_ID, "call-1", false, 3, null, null))
                .expectNoEvents()
                .expectException(invalidInput("satisfaction"));
    }

    @Test
    void missing_a_scheduled_call_is_recorded() {
        fixture.given(opened(), callScheduled("call-1", at(10)))
                .when(new MissFollowUp(CASE_ID, "call-1", "Voicemail", null))
                .expectEvents(new FollowUpMissed(CASE_ID, "call-1", "Voicemail", NOW));
    }

    @ParameterizedTest(name = "a {0} call")
    @EnumSource(value = FollowUpStatus.class, names = {"COMPLETED", "MISSED"})
    void only_a_scheduled_call_can_be_completed(FollowUpStatus status) {
        fixture.given(opened(), callScheduled("call-1", at(10)), callOutcome("call-1", status, at(20)))
                .when(new CompleteFollowUp(CASE_ID, "call-1", true, 5, null, null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is " + status + "; only a SCHEDULED call can be completed"));
    }

    @ParameterizedTest(name = "a {0} call")
    @EnumSource(value = FollowUpStatus.class, names = {"COMPLETED", "MISSED"})
    void only_a_scheduled_call_can_be_missed(FollowUpStatus status) {
        fixture.given(opened(), callScheduled("call-1", at(10)), callOutcome("call-1", status, at(20)))
                .when(new MissFollowUp(CASE_ID, "call-1", "Voicemail", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is " + status + "; only a SCHEDULED call can be missed"));
    }

    @Test
    void rescheduling_a_scheduled_call_is_recorded() {
        Instant later = NOW.plus(Duration.ofDays(3));
        fixture.given(opened(), callScheduled("call-1", at(10)))
                .when(new RescheduleFollowUp(CASE_ID, "call-1", later, null))
                .expectEvents(new FollowUpRescheduled(CASE_ID, "call-1", later, NOW));
    }

    @Test
    void a_missed_call_can_be_rescheduled() {
        Instant later = NOW.plus(Duration.ofDays(3));
        fixture.given(opened(), callScheduled("call-1", at(10)), callOutcome("call-1", FollowUpStatus.MISSED, at(20)))
                .when(new RescheduleFollowUp(CASE_ID, "call-1", later, null))
                .expectEvents(new FollowUpRescheduled(CASE_ID, "call-1", later, NOW));
    }

    @Test
    void a_rescheduled_missed_call_can_be_completed() {
        fixture.given(opened(), callScheduled("call-1", at(10)), callOutcome("call-1", FollowUpStatus.MISSED, at(20)),
                        new FollowUpRescheduled(CASE_ID, "call-1", NOW, at(30)))
                .when(new CompleteFollowUp(CASE_ID, "call-1", true, 5, null, null))
                .expectEvents(new FollowUpCompleted(CASE_ID, "call-1", 5, null, NOW));
    }

    @Test
    void a_completed_call_cannot_be_rescheduled() {
        fixture.given(opened(), callScheduled("call-1", at(10)), callOutcome("call-1", FollowUpStatus.COMPLETED, at(20)))
                .when(new RescheduleFollowUp(CASE_ID, "call-1", NOW.plus(Duration.ofDays(3)), null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is COMPLETED"));
    }

    @Test
    void a_call_cannot_be_rescheduled_into_the_past() {
        fixture.given(opened(), callScheduled("call-1", at(10)))
                .when(new RescheduleFollowUp(CASE_ID, "call-1", NOW.minusSeconds(1), null))
                .expectNoEvents()
                .expectException(invalidInput("scheduledFor"));
    }

    static Stream<Arguments> commandsOnACallTheCaseDoesNotHave() {
        return Stream.of(
                Arguments.of("complete", new CompleteFollowUp(CASE_ID, "call-404", true, 5, null, null)),
                Arguments.of("miss", new MissFollowUp(CASE_ID, "call-404", "Voicemail", null)),
                Arguments.of("reschedule", new RescheduleFollowUp(CASE_ID, "call-404", NOW.plus(Duration.ofDays(1)), null)));
    }

    @ParameterizedTest(name = "{0} an unknown call")
    @MethodSource("commandsOnACallTheCaseDoesNotHave")
    void a_call_the_case_does_not_have_is_an_unknown_part(String action, Object command) {
        fixture.given(opened(), callScheduled("call-1", at(10)))
                .when(command)
                .expectNoEvents()
                .expectException(UnknownCasePart.class)
                .expectExceptionMessage(containsString("has no follow-up call call-404"));
    }

    static Stream<Arguments> followUpCommandsOnAClosedCase() {
        Instant tomorrow = NOW.plus(Duration.ofDays(1));
        return Stream.of(
                Arguments.of("schedule a call", new ScheduleFollowUp(CASE_ID, "call-2", tomorrow, PURPOSE, null),
                        new FollowUpScheduled(CASE_ID, "call-2", tomorrow, PURPOSE, false, NOW)),
                Arguments.of("complete a call", new CompleteFollowUp(CASE_ID, "call-1", true, 5, "Happy", null),
                        new FollowUpCompleted(CASE_ID, "call-1", 5, "Happy", NOW)),
                Arguments.of("miss a call", new MissFollowUp(CASE_ID, "call-1", "Voicemail", null),
                        new FollowUpMissed(CASE_ID, "call-1", "Voicemail", NOW)),
                Arguments.of("reschedule a call", new RescheduleFollowUp(CASE_ID, "call-1", tomorrow, null),
                        new FollowUpRescheduled(CASE_ID, "call-1", tomorrow, NOW)));
    }

    @ParameterizedTest(name = "a closed case can still {0}")
    @MethodSource("followUpCommandsOnAClosedCase")
    void a_closed_case_still_takes_follow_up_calls(String action, Object command, Object expected) {
        fixture.given(opened(), callScheduled("call-1", at(10)), resolved(20), closed(30))
                .when(command)
                .expectEvents(expected);
    }

    // --- the automatic call after a complaint's resolution ---

    @Test
    void resolving_a_complaint_schedules_a_follow_up_call_after_the_policys_delay() {
        fixture.given(opened(CaseType.COMPLAINT, ORDER_ID, ORDER_AMOUNT))
                .when(new ResolveCase(CASE_ID, "REPLACED", "Replacement shipped", null))
                .expectEvents(new CaseResolved(CASE_ID, "REPLACED", "Replacement shipped", NOW),
                        new FollowUpScheduled(CASE_ID, "after-resolution-1", NOW.plus(CALL_AFTER_RESOLUTION),
                                FollowUpPolicy.AFTER_RESOLUTION_PURPOSE, true, NOW));
    }

    @Test
    void the_automatic_follow_up_call_is_recorded_with_the_system_as_actor() {
        fixture.given(opened(CaseType.COMPLAINT, ORDER_ID, ORDER_AMOUNT))
                .when(new ResolveCase(CASE_ID, "REPLACED", null, null))
                .expectEventsMatching(exactSequenceOf(
                        eventWithPayload(new CaseResolved(CASE_ID, "REPLACED", null, NOW)),
                        allOf(eventWithPayload(new FollowUpScheduled(CASE_ID, "after-resolution-1",
                                        NOW.plus(CALL_AFTER_RESOLUTION), FollowUpPolicy.AFTER_RESOLUTION_PURPOSE, true, NOW)),
                                recordedBy("system")),
                        andNoMore()));
    }

    @Test
    void a_backfilled_complaint_resolution_schedules_the_call_after_the_backfilled_time() {
        Instant resolvedAt = at(60);
        fixture.given(opened(CaseType.COMPLAINT, ORDER_ID, ORDER_AMOUNT))
                .when(new ResolveCase(CASE_ID, "REPLACED", null, resolvedAt))
                .expectEvents(new CaseResolved(CASE_ID, "REPLACED", null, resolvedAt),
                        new FollowUpScheduled(CASE_ID, "after-resolution-1", resolvedAt.plus(CALL_AFTER_RESOLUTION),
                                FollowUpPolicy.AFTER_RESOLUTION_PURPOSE, true, resolvedAt));
    }

    @Test
    void resolving_a_complaint_that_already_has_a_scheduled_call_schedules_no_other() {
        fixture.given(opened(CaseType.COMPLAINT, ORDER_ID, ORDER_AMOUNT), callScheduled("call-1", at(10)))
                .when(new ResolveCase(CASE_ID, "REPLACED", null, null))
                .expectEvents(new CaseResolved(CASE_ID, "REPLACED", null, NOW));
    }

    @Test
    void resolving_a_reopened_complaint_whose_call_took_place_schedules_a_new_call() {
        Instant firstResolution = at(10);
        fixture.given(opened(CaseType.COMPLAINT, ORDER_ID, ORDER_AMOUNT),
                        new CaseResolved(CASE_ID, "REPLACED", null, firstResolution),
                        new FollowUpScheduled(CASE_ID, "after-resolution-1", firstResolution.plus(CALL_AFTER_RESOLUTION),
                                FollowUpPolicy.AFTER_RESOLUTION_PURPOSE, true, firstResolution),
                        new FollowUpCompleted(CASE_ID, "after-resolution-1", 2, "Replacement broken too",
                                firstResolution.plus(CALL_AFTER_RESOLUTION)),
                        new CaseReopened(CASE_ID, "Replacement broken too", false,
                                firstResolution.plus(CALL_AFTER_RESOLUTION)))
                .when(new ResolveCase(CASE_ID, "REFUNDED", null, null))
                .expectEvents(new CaseResolved(CASE_ID, "REFUNDED", null, NOW),
                        new FollowUpScheduled(CASE_ID, "after-resolution-2", NOW.plus(CALL_AFTER_RESOLUTION),
                                FollowUpPolicy.AFTER_RESOLUTION_PURPOSE, true, NOW));
    }

    @Test
    void resolving_an_inquiry_schedules_no_follow_up_call() {
        fixture.given(opened(CaseType.INQUIRY, ORDER_ID, ORDER_AMOUNT))
                .when(new ResolveCase(CASE_ID, "ANSWERED", null, null))
                .expectEvents(new CaseResolved(CASE_ID, "ANSWERED", null, NOW));
    }

    @Test
    void a_case_takes_no_more_than_its_limit_of_follow_up_calls() {
        Object[] given = new Object[101];
        given[0] = opened();
        for (int i = 1; i <= 100; i++) {
            given[i] = callScheduled("call-" + i, at(i));
        }

        fixture.given(given)
                .when(new ScheduleFollowUp(CASE_ID, "call-101", NOW.plus(Duration.ofDays(1)), PURPOSE, null))
                .expectException(CaseRuleViolation.class)
                .expectNoEvents();
    }
}
