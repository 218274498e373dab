package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseAssigned;
import com.caseledger.events.CaseAwaitingCustomer;
import com.caseledger.events.CaseClosed;
import com.caseledger.events.CaseEscalated;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CasePrioritized;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseResumed;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.InternalNoteAdded;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.events.sla.SlaDefinitions;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.caseledger.command.casework.CaseRuleViolation;
import com.caseledger.command.casework.OccurredAtRejected;
import com.caseledger.command.followups.FollowUpPolicy;
import com.caseledger.command.sla.SlaPolicyCatalog;
import com.caseledger.command.sla.SlaSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;

class SupportCaseTest {

    private static final String CASE_ID = "case-1";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant OPENED_AT = NOW.minus(Duration.ofHours(2));

    private AggregateTestFixture<SupportCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupportCase.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new FollowUpPolicy(Duration.ofDays(2)));
        fixture.registerInjectableResource(new SlaSettings(Duration.ofMinutes(10)));
        fixture.registerInjectableResource((SlaPolicyCatalog) SlaDefinitions::new);
    }

    // --- opening ---

    @Test
    void opening_a_case_without_priority_and_category_records_normal_priority_and_other_category() {
        fixture.givenNoPriorActivity()
                .when(openCase(null, null, OPENED_AT))
                .expectEvents(caseOpened(Priority.NORMAL, Category.OTHER, OPENED_AT));
    }

    @Test
    void opening_a_case_keeps_the_given_priority_and_category() {
        fixture.givenNoPriorActivity()
                .when(openCase(Priority.URGENT, Category.PAYMENT, OPENED_AT))
                .expectEvents(caseOpened(Priority.URGENT, Category.PAYMENT, OPENED_AT));
    }

    @Test
    void opening_a_case_without_occurred_at_records_the_clocks_now() {
        fixture.givenNoPriorActivity()
                .when(openCase(null, null, null))
                .expectEvents(caseOpened(Priority.NORMAL, Category.OTHER, NOW));
    }

    @Test
    void opening_a_case_with_an_occurred_at_in_the_past_keeps_it() {
        Instant lastYear = NOW.minus(Duration.ofDays(365));
        fixture.givenNoPriorActivity()
                .when(openCase(null, null, lastYear))
                .expectEvents(caseOpened(Priority.NORMAL, Category.OTHER, lastYear));
    }

    @Test
    void opening_a_case_with_an_occurred_at_in_the_future_is_refused_as_invalid_input() {
        fixture.givenNoPriorActivity()
                .when(openCase(null, null, NOW.plusSeconds(1)))
                .expectNoEvents()
                .expectException(occurredAtRejected(false))
                .expectExceptionMessage(containsString("in the future"));
    }

    // --- customer messages ---

    @Test
    void a_customer_message_on_an_open_case_records_only_the_message() {
        fixture.given(opened())
                .when(new RecordCustomerMessage(CASE_ID, "Any news?", Channel.EMAIL, null))
                .expectEvents(new CustomerMessageReceived(CASE_ID, "Any news?", Channel.EMAIL, NOW));
    }

    @Test
    void a_customer_message_on_a_pending_case_resumes_it() {
        fixture.given(opened(), awaitingCustomer(10))
                .when(new RecordCustomerMessage(CASE_ID, "Here is the photo", Channel.CHAT, null))
                .expectEvents(new CustomerMessageReceived(CASE_ID, "Here is the photo", Channel.CHAT, NOW),
                        new CaseResumed(CASE_ID, NOW));
    }

    @Test
    void a_customer_message_on_a_resolved_case_reopens_it_on_the_customers_behalf() {
        fixture.given(opened(), resolved(10))
                .when(new RecordCustomerMessage(CASE_ID, "Still broken", Channel.PHONE, null))
                .expectEvents(new CustomerMessageReceived(CASE_ID, "Still broken", Channel.PHONE, NOW),
                        new CaseReopened(CASE_ID, "customer message", true, NOW));
    }

    @Test
    void a_closed_case_refuses_customer_messages() {
        fixture.given(opened(), resolved(10), closed(20))
                .when(new RecordCustomerMessage(CASE_ID, "Hello again", Channel.EMAIL, null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is CLOSED"));
    }

    // --- each command from an allowed status ---

    @Test
    void a_reply_on_an_open_case_is_recorded() {
        fixture.given(opened())
                .when(new ReplyToCustomer(CASE_ID, "agent-7", "We are on it", null))
                .expectEvents(new AgentReplied(CASE_ID, "agent-7", "We are on it", NOW));
    }

    @Test
    void an_internal_note_on_an_open_case_is_recorded() {
        fixture.given(opened())
                .when(new AddInternalNote(CASE_ID, "agent-7", "Customer is a reseller", null))
                .expectEvents(new InternalNoteAdded(CASE_ID, "agent-7", "Customer is a reseller", NOW));
    }

    @Test
    void assigning_an_open_case_records_the_agent_and_team() {
        fixture.given(opened())
                .when(new AssignCase(CASE_ID, "agent-7", "returns", null))
                .expectEvents(new CaseAssigned(CASE_ID, "agent-7", "returns", NOW));
    }

    @Test
    void changing_the_priority_of_an_open_case_is_recorded() {
        fixture.given(opened())
                .when(new PrioritizeCase(CASE_ID, Priority.HIGH, null))
                .expectEvents(new CasePrioritized(CASE_ID, Priority.HIGH, NOW));
    }

    @Test
    void escalating_an_open_case_is_recorded() {
        fixture.given(opened())
                .when(new EscalateCase(CASE_ID, "VIP customer", "supervisor", null))
                .expectEvents(new CaseEscalated(CASE_ID, "VIP customer", "supervisor", NOW));
    }

    @Test
    void escalating_a_pending_case_is_recorded() {
        fixture.given(opened(), awaitingCustomer(10))
                .when(new EscalateCase(CASE_ID, "Threatens chargeback", "level-2", null))
                .expectEvents(new CaseEscalated(CASE_ID, "Threatens chargeback", "level-2", NOW));
    }

    @Test
    void waiting_for_the_customer_on_an_open_case_is_recorded() {
        fixture.given(opened())
                .when(new AwaitCustomer(CASE_ID, "Asked for the order number", null))
                .expectEvents(new CaseAwaitingCustomer(CASE_ID, "Asked for the order number", NOW));
    }

    @Test
    void resolving_an_open_case_is_recorded() {
        fixture.given(opened())
                .when(new ResolveCase(CASE_ID, "REFUNDED", "Refund sent", null))
                .expectEvents(new CaseResolved(CASE_ID, "REFUNDED", "Refund sent", NOW));
    }

    @Test
    void resolving_a_pending_case_is_recorded() {
        fixture.given(opened(), awaitingCustomer(10))
                .when(new ResolveCase(CASE_ID, "NO_RESPONSE", null, null))
                .expectEvents(new CaseResolved(CASE_ID, "NO_RESPONSE", null, NOW));
    }

    @Test
    void reopening_a_resolved_case_is_recorded_as_an_agents_decision() {
        fixture.given(opened(), resolved(10))
                .when(new ReopenCase(CASE_ID, "Fix did not hold", null))
                .expectEvents(new CaseReopened(CASE_ID, "Fix did not hold", false, NOW));
    }

    @Test
    void closing_a_resolved_case_is_recorded() {
        fixture.given(opened(), resolved(10))
                .when(new CloseCase(CASE_ID, null))
                .expectEvents(new CaseClosed(CASE_ID, NOW));
    }

    // --- a closed case takes no command ---

    static Stream<Arguments> everyCommandOnACase() {
        return Stream.of(
                Arguments.of("reply", new ReplyToCustomer(CASE_ID, "agent-7", "Hello", null)),
                Arguments.of("add a note", new AddInternalNote(CASE_ID, "agent-7", "Note", null)),
                Arguments.of("assign it", new AssignCase(CASE_ID, "agent-7", "returns", null)),
                Arguments.of("change its priority", new PrioritizeCase(CASE_ID, Priority.HIGH, null)),
                Arguments.of("escalate it", new EscalateCase(CASE_ID, "Angry", "supervisor", null)),
                Arguments.of("wait for the customer", new AwaitCustomer(CASE_ID, "Need photo", null)),
                Arguments.of("resolve it", new ResolveCase(CASE_ID, "FIXED", null, null)),
                Arguments.of("reopen it", new ReopenCase(CASE_ID, "Not fixed", null)),
                Arguments.of("close it", new CloseCase(CASE_ID, null)));
    }

    @ParameterizedTest(name = "a closed case refuses to {0}")
    @MethodSource("everyCommandOnACase")
    void a_closed_case_refuses_every_command(String action, Object command) {
        fixture.given(opened(), resolved(10), closed(20))
                .when(command)
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is CLOSED"));
    }

    // --- commands only some statuses allow ---

    @Test
    void a_resolved_case_cannot_be_resolved_again() {
        fixture.given(opened(), resolved(10))
                .when(new ResolveCase(CASE_ID, "FIXED", null, null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is RESOLVED: you can resolve a case only when it is OPEN or PENDING"));
    }

    @Test
    void an_open_case_cannot_be_reopened() {
        fixture.given(opened())
                .when(new ReopenCase(CASE_ID, "Why not", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is OPEN: you can reopen a case only when it is RESOLVED"));
    }

    @Test
    void a_pending_case_cannot_be_reopened() {
        fixture.given(opened(), awaitingCustomer(10))
                .when(new ReopenCase(CASE_ID, "Why not", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is PENDING: you can reopen a case only when it is RESOLVED"));
    }

    @Test
    void a_pending_case_cannot_wait_for_the_customer_again() {
        fixture.given(opened(), awaitingCustomer(10))
                .when(new AwaitCustomer(CASE_ID, "Still waiting", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is PENDING: you can wait for the customer on a case only when it is OPEN"));
    }

    @Test
    void a_resolved_case_cannot_wait_for_the_customer() {
        fixture.given(opened(), resolved(10))
                .when(new AwaitCustomer(CASE_ID, "Need feedback", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is RESOLVED"));
    }

    @Test
    void an_open_case_cannot_be_closed() {
        fixture.given(opened())
                .when(new CloseCase(CASE_ID, null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is OPEN: you can close a case only when it is RESOLVED"));
    }

    @Test
    void a_pending_case_cannot_be_closed() {
        fixture.given(opened(), awaitingCustomer(10))
                .when(new CloseCase(CASE_ID, null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is PENDING"));
    }

    @Test
    void a_resolved_case_cannot_be_escalated() {
        fixture.given(opened(), resolved(10))
                .when(new EscalateCase(CASE_ID, "Angry", "supervisor", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is RESOLVED: you can escalate a case only when it is OPEN or PENDING"));
    }

    // --- commands that change nothing record nothing ---

    @Test
    void assigning_a_case_to_the_same_agent_and_team_again_records_nothing() {
        fixture.given(opened(), new CaseAssigned(CASE_ID, "agent-7", "returns", at(10)))
                .when(new AssignCase(CASE_ID, "agent-7", "returns", null))
                .expectNoEvents()
                .expectResultMessagePayload(new CaseCommandResult(CASE_ID, 1));
    }

    @Test
    void assigning_a_case_to_the_same_agent_in_another_team_is_recorded() {
        fixture.given(opened(), new CaseAssigned(CASE_ID, "agent-7", "returns", at(10)))
                .when(new AssignCase(CASE_ID, "agent-7", "payments", null))
                .expectEvents(new CaseAssigned(CASE_ID, "agent-7", "payments", NOW));
    }

    @Test
    void changing_to_the_priority_the_case_already_has_records_nothing() {
        fixture.given(opened(), new CasePrioritized(CASE_ID, Priority.HIGH, at(10)))
                .when(new PrioritizeCase(CASE_ID, Priority.HIGH, null))
                .expectNoEvents()
                .expectResultMessagePayload(new CaseCommandResult(CASE_ID, 1));
    }

    @Test
    void changing_to_the_priority_the_case_was_opened_with_records_nothing() {
        fixture.given(opened())
                .when(new PrioritizeCase(CASE_ID, Priority.NORMAL, null))
                .expectNoEvents();
    }

    // --- occurredAt ---

    @Test
    void a_given_occurred_at_becomes_the_events_occurred_at() {
        Instant whenItHappened = at(30);
        fixture.given(opened(), awaitingCustomer(10))
                .when(new ReplyToCustomer(CASE_ID, "agent-7", "Imported reply", whenItHappened))
                .expectEvents(new AgentReplied(CASE_ID, "agent-7", "Imported reply", whenItHappened));
    }

    @Test
    void an_occurred_at_earlier_than_the_cases_latest_event_conflicts_with_its_history() {
        fixture.given(opened(), new AgentReplied(CASE_ID, "agent-7", "Hi", at(30)))
                .when(new AddInternalNote(CASE_ID, "agent-7", "Backfilled note", at(29)))
                .expectNoEvents()
                .expectException(occurredAtRejected(true))
                .expectExceptionMessage(containsString("earlier than the case's latest recorded event"));
    }

    @Test
    void an_occurred_at_in_the_future_is_refused_as_invalid_input() {
        fixture.given(opened())
                .when(new ReplyToCustomer(CASE_ID, "agent-7", "From tomorrow", NOW.plus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(occurredAtRejected(false))
                .expectExceptionMessage(containsString("in the future"));
    }

    @Test
    void an_occurred_at_equal_to_the_cases_latest_event_is_accepted() {
        fixture.given(opened(), resolved(10))
                .when(new CloseCase(CASE_ID, at(10)))
                .expectEvents(new CaseClosed(CASE_ID, at(10)));
    }

    // --- the result is the case's version ---

    @Test
    void the_result_of_a_command_is_the_sequence_number_of_the_cases_last_event() {
        fixture.given(opened(), new AgentReplied(CASE_ID, "agent-7", "Hi", at(10)))
                .when(new ReplyToCustomer(CASE_ID, "agent-7", "Anything else?", null))
                .expectResultMessagePayload(new CaseCommandResult(CASE_ID, 2));
    }

    @Test
    void a_customer_message_on_a_pending_case_advances_the_version_by_two() {
        fixture.given(opened(), awaitingCustomer(10))
                .when(new RecordCustomerMessage(CASE_ID, "Here you go", Channel.EMAIL, null))
                .expectResultMessagePayload(new CaseCommandResult(CASE_ID, 3));
    }

    @Test
    void a_customer_message_on_a_resolved_case_advances_the_version_by_two() {
        fixture.given(opened(), resolved(10))
                .when(new RecordCustomerMessage(CASE_ID, "Not fixed", Channel.EMAIL, null))
                .expectResultMessagePayload(new CaseCommandResult(CASE_ID, 3));
    }

    // --- helpers ---

    private static Instant at(int minutesAfterOpening) {
        return OPENED_AT.plus(Duration.ofMinutes(minutesAfterOpening));
    }

    private static OpenCase openCase(Priority priority, Category category, Instant occurredAt) {
        return new OpenCase(CASE_ID, CaseType.INQUIRY, Channel.EMAIL, category, priority, "customer-42",
                "Parcel arrived damaged", "The box was crushed", "order-9", Money.of("59.90", "EUR"), occurredAt);
    }

    private static CaseOpened caseOpened(Priority priority, Category category, Instant occurredAt) {
        return new CaseOpened(CASE_ID, CaseType.INQUIRY, Channel.EMAIL, category, priority, "customer-42",
                "Parcel arrived damaged", "The box was crushed", "order-9", Money.of("59.90", "EUR"), occurredAt);
    }

    private static CaseOpened opened() {
        return caseOpened(Priority.NORMAL, Category.LOGISTICS, OPENED_AT);
    }

    private static CaseAwaitingCustomer awaitingCustomer(int minutesAfterOpening) {
        return new CaseAwaitingCustomer(CASE_ID, "Asked for a photo", at(minutesAfterOpening));
    }

    private static CaseResolved resolved(int minutesAfterOpening) {
        return new CaseResolved(CASE_ID, "REPLACED", "Replacement shipped", at(minutesAfterOpening));
    }

    private static CaseClosed closed(int minutesAfterOpening) {
        return new CaseClosed(CASE_ID, at(minutesAfterOpening));
    }

    private static Matcher<OccurredAtRejected> occurredAtRejected(boolean conflictsWithHistory) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(OccurredAtRejected rejected) {
                return rejected.conflictsWithHistory() == conflictsWithHistory;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("OccurredAtRejected with conflictsWithHistory() " + conflictsWithHistory);
            }
        };
    }
}
