package com.caseledger.command.sla;

import com.caseledger.command.cases.CaseRulesFixture;
import com.caseledger.command.cases.OpenCase;
import com.caseledger.command.cases.RecordCustomerMessage;
import com.caseledger.command.cases.ReplyToCustomer;
import com.caseledger.command.cases.AddInternalNote;
import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseAwaitingCustomer;
import com.caseledger.events.CaseEscalated;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseResumed;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.InternalNoteAdded;
import com.caseledger.events.Priority;
import com.caseledger.events.SlaPolicyApplied;
import com.caseledger.events.SlaTargetBreached;
import com.caseledger.events.SlaTargetMet;
import com.caseledger.events.sla.SlaMatch;
import com.caseledger.events.sla.SlaPolicy;
import com.caseledger.events.sla.SlaPolicyDefined;
import com.caseledger.events.sla.SlaTargetKind;
import com.caseledger.events.sla.SlaTargets;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.hamcrest.Matchers.allOf;

/**
 * SLA targets on the record: a target met is recorded when it is met, a target that passes unmet is breached at its
 * due instant (before any later event, or by its timer), time PENDING does not count, a reopen resumes the resolution
 * clock, each wait for a next reply is a target of its own, and imported history gives its timers a grace period.
 * Targets here: first reply 60 minutes, next reply 30 minutes, resolution 240 minutes, in round-the-clock time; the
 * instants are minutes before NOW, when every command is handled.
 */
class SlaTargetRulesTest extends CaseRulesFixture {

    static final SlaTargets TARGETS = new SlaTargets(3600L, 1800L, 4 * 3600L);
    static final String POLICY = "standard";

    @Test
    void opening_a_case_sets_a_timer_for_each_running_target() {
        definePolicy(false);

        fixture.givenNoPriorActivity()
                .when(openInquiry(null))
                .expectScheduledDeadline(NOW.plus(Duration.ofMinutes(60)),
                        new SlaDue(SlaTargetKind.FIRST_REPLY, NOW.plus(Duration.ofMinutes(60))))
                .expectScheduledDeadline(NOW.plus(Duration.ofMinutes(240)),
                        new SlaDue(SlaTargetKind.RESOLUTION, NOW.plus(Duration.ofMinutes(240))));
    }

    @Test
    void a_reply_within_the_target_records_it_met() {
        fixture.given(openedAt(before(30)), policyAt(before(30), false))
                .when(new ReplyToCustomer(CASE_ID, "agent-7", "On its way", null))
                .expectEventsMatching(exactSequenceOf(
                        eventWithPayload(new AgentReplied(CASE_ID, "agent-7", "On its way", NOW)),
                        allOf(eventWithPayload(new SlaTargetMet(CASE_ID, SlaTargetKind.FIRST_REPLY, POLICY, null,
                                after(30), NOW)), recordedBy("system")),
                        andNoMore()));
    }

    @Test
    void a_command_after_a_due_instant_records_the_breach_first_at_that_instant() {
        fixture.given(openedAt(before(90)), policyAt(before(90), false))
                .when(new ReplyToCustomer(CASE_ID, "agent-7", "Sorry for the wait", null))
                .expectEvents(new SlaTargetBreached(CASE_ID, SlaTargetKind.FIRST_REPLY, POLICY, null, before(30),
                                before(30)),
                        new AgentReplied(CASE_ID, "agent-7", "Sorry for the wait", NOW));
    }

    @Test
    void with_escalate_on_breach_the_breach_also_escalates_the_case_by_the_system() {
        fixture.given(openedAt(before(90)), policyAt(before(90), true))
                .when(new AddInternalNote(CASE_ID, "agent-7", "Looking into it", null))
                .expectEventsMatching(exactSequenceOf(
                        allOf(eventWithPayload(new SlaTargetBreached(CASE_ID, SlaTargetKind.FIRST_REPLY, POLICY, null,
                                before(30), before(30))), recordedBy("system")),
                        allOf(eventWithPayload(new CaseEscalated(CASE_ID, "SLA first reply target breached", "SLA",
                                before(30))), recordedBy("system")),
                        eventWithPayload(new InternalNoteAdded(CASE_ID, "agent-7", "Looking into it", NOW)),
                        andNoMore()));
    }

    @Test
    void time_pending_does_not_count() {
        // OPEN 120..110 minutes before NOW (10 minutes), PENDING until 20 minutes before, OPEN since (20 minutes):
        // 30 of the 60 minutes used when the reply comes, so it would have fallen due 30 minutes after NOW
        fixture.given(openedAt(before(120)), policyAt(before(120), false),
                        new CaseAwaitingCustomer(CASE_ID, "Waiting for the order number", before(110)),
                        new CaseResumed(CASE_ID, before(20)))
                .when(new ReplyToCustomer(CASE_ID, "agent-7", "Found it", null))
                .expectEvents(new AgentReplied(CASE_ID, "agent-7", "Found it", NOW),
                        new SlaTargetMet(CASE_ID, SlaTargetKind.FIRST_REPLY, POLICY, null, after(30), NOW));
    }

    @Test
    void a_pending_case_has_no_running_timer_and_resuming_sets_one_for_the_time_left() {
        // 10 minutes used before the wait on the customer; resumed NOW, 50 minutes are left
        fixture.given(openedAt(before(120)), policyAt(before(120), false),
                        new CaseAwaitingCustomer(CASE_ID, "Waiting for the order number", before(110)))
                .when(new RecordCustomerMessage(CASE_ID, "Order 123", Channel.EMAIL, null))
                .expectScheduledDeadline(after(50), new SlaDue(SlaTargetKind.FIRST_REPLY, after(50)));
    }

    @Test
    void the_timer_records_the_breach_at_the_due_instant() {
        definePolicy(false);

        fixture.givenCurrentTime(NOW)
                .andGivenCommands(openInquiry(null))
                .whenTimeElapses(Duration.ofMinutes(61))
                .expectEventsMatching(exactSequenceOf(
                        allOf(eventWithPayload(new SlaTargetBreached(CASE_ID, SlaTargetKind.FIRST_REPLY, POLICY, null,
                                after(60), after(60))), recordedBy("system")),
                        andNoMore()));
    }

    @Test
    void a_timer_whose_target_was_met_records_nothing() {
        definePolicy(false);

        fixture.givenCurrentTime(NOW)
                .andGivenCommands(openInquiry(null), new ReplyToCustomer(CASE_ID, "agent-7", "Hello", null))
                .whenTimeElapses(Duration.ofMinutes(61))
                .expectTriggeredDeadlinesWithName("sla-due")
                .expectNoEvents();
    }

    @Test
    void a_resolution_met_before_a_reopen_is_breached_after_it() {
        // OPEN 300..240 minutes before NOW: 60 of 240 used at the resolution, met. Reopened 200 minutes before NOW,
        // the 180 minutes left ran out 20 minutes before NOW.
        fixture.given(openedAt(before(300)), policyAt(before(300), false),
                        new AgentReplied(CASE_ID, "agent-7", "Hello", before(280)),
                        new SlaTargetMet(CASE_ID, SlaTargetKind.FIRST_REPLY, POLICY, null, before(240), before(280)),
                        new CaseResolved(CASE_ID, "ANSWERED", "Explained", before(240)),
                        new SlaTargetMet(CASE_ID, SlaTargetKind.RESOLUTION, POLICY, null, before(60), before(240)),
                        new CaseReopened(CASE_ID, "Still broken", false, before(200)))
                .when(new AddInternalNote(CASE_ID, "agent-7", "Back on it", null))
                .expectEvents(new SlaTargetBreached(CASE_ID, SlaTargetKind.RESOLUTION, POLICY, null, before(20),
                                before(20)),
                        new InternalNoteAdded(CASE_ID, "agent-7", "Back on it", NOW));
    }

    @Test
    void each_wait_for_a_next_reply_is_a_target_of_its_own() {
        fixture.given(openedAt(before(200)), policyAt(before(200), false),
                        new AgentReplied(CASE_ID, "agent-7", "Hello", before(190)),
                        new SlaTargetMet(CASE_ID, SlaTargetKind.FIRST_REPLY, POLICY, null, before(140), before(190)),
                        new CustomerMessageReceived(CASE_ID, "Any news?", Channel.EMAIL, before(100)),
                        new AgentReplied(CASE_ID, "agent-7", "Tomorrow", before(90)),
                        new SlaTargetMet(CASE_ID, SlaTargetKind.NEXT_REPLY, POLICY, before(100), before(70),
                                before(90)),
                        new CustomerMessageReceived(CASE_ID, "Still nothing", Channel.EMAIL, before(40)))
                .when(new ReplyToCustomer(CASE_ID, "agent-7", "Shipped", null))
                .expectEvents(new SlaTargetBreached(CASE_ID, SlaTargetKind.NEXT_REPLY, POLICY, before(40), before(10),
                                before(10)),
                        new AgentReplied(CASE_ID, "agent-7", "Shipped", NOW));
    }

    @Test
    void imported_history_that_leaves_a_due_instant_past_waits_the_import_grace() {
        definePolicy(false);

        fixture.givenNoPriorActivity()
                .when(openInquiry(before(300)))
                .expectScheduledDeadline(NOW.plus(IMPORT_GRACE),
                        new SlaDue(SlaTargetKind.FIRST_REPLY, before(240)))
                .expectScheduledDeadline(NOW.plus(IMPORT_GRACE),
                        new SlaDue(SlaTargetKind.RESOLUTION, before(60)));
    }

    @Test
    void an_imported_event_after_a_due_instant_is_preceded_by_the_breach() {
        fixture.given(openedAt(before(300)), policyAt(before(300), false))
                .when(new ReplyToCustomer(CASE_ID, "agent-7", "Late answer", before(200)))
                .expectEvents(new SlaTargetBreached(CASE_ID, SlaTargetKind.FIRST_REPLY, POLICY, null, before(240),
                                before(240)),
                        new AgentReplied(CASE_ID, "agent-7", "Late answer", before(200)));
    }

    private void definePolicy(boolean escalateOnBreach) {
        slaDefinitions.apply(new SlaPolicyDefined(POLICY, 1,
                new SlaPolicy(POLICY, 10, SlaMatch.ANY, null, TARGETS, escalateOnBreach), OPENED_AT));
    }

    private static OpenCase openInquiry(Instant occurredAt) {
        return new OpenCase(CASE_ID, CaseType.INQUIRY, Channel.EMAIL, Category.PRODUCT, Priority.NORMAL, "customer-42",
                "Where is my order", "Ordered last week", null, null, occurredAt);
    }

    private static CaseOpened openedAt(Instant at) {
        return new CaseOpened(CASE_ID, CaseType.INQUIRY, Channel.EMAIL, Category.PRODUCT, Priority.NORMAL,
                "customer-42", "Where is my order", "Ordered last week", null, null, at);
    }

    private static SlaPolicyApplied policyAt(Instant at, boolean escalateOnBreach) {
        return new SlaPolicyApplied(CASE_ID, POLICY, 1L, null, null, TARGETS, null, escalateOnBreach, at);
    }

    private static Instant before(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    private static Instant after(int minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }
}
