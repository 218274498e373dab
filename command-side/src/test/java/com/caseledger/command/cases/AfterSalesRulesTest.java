package com.caseledger.command.cases;

import com.caseledger.command.followups.CompleteFollowUp;
import com.caseledger.command.followups.FollowUpPolicy;
import com.caseledger.command.followups.MissFollowUp;
import com.caseledger.command.followups.RescheduleFollowUp;
import com.caseledger.command.followups.ScheduleFollowUp;
import com.caseledger.command.refunds.ApproveRefund;
import com.caseledger.command.refunds.FailRefund;
import com.caseledger.command.refunds.InMemoryOrderRefundLedger;
import com.caseledger.command.refunds.InMemoryOrderRefundLedger.Release;
import com.caseledger.command.refunds.IssueRefund;
import com.caseledger.command.refunds.RefundApprovalPolicy;
import com.caseledger.command.refunds.RefundExceedsOrder;
import com.caseledger.command.refunds.RejectRefund;
import com.caseledger.command.refunds.RequestRefund;
import com.caseledger.command.surveys.RecordSurveyAnswer;
import com.caseledger.events.CaseClosed;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.EventMetadata;
import com.caseledger.events.FollowUpCompleted;
import com.caseledger.events.FollowUpMissed;
import com.caseledger.events.FollowUpRescheduled;
import com.caseledger.events.FollowUpScheduled;
import com.caseledger.events.FollowUpStatus;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.events.RefundApproved;
import com.caseledger.events.RefundFailed;
import com.caseledger.events.RefundIssued;
import com.caseledger.events.RefundKind;
import com.caseledger.events.RefundRejected;
import com.caseledger.events.RefundRequested;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import com.caseledger.events.SurveyAnswered;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/**
 * The after-sales rules of a case: refund, return, exchange and repair requests against the order's money,
 * follow-up calls, and survey answers.
 */
class AfterSalesRulesTest {

    private static final String CASE_ID = "case-1";
    private static final String ORDER_ID = "order-9";
    private static final Money ORDER_AMOUNT = Money.of("500.00", "EUR");
    private static final BigDecimal AUTO_APPROVAL_LIMIT = new BigDecimal("200.00");
    private static final Money ABOVE_LIMIT = Money.of("300.00", "EUR");
    private static final Duration CALL_AFTER_RESOLUTION = Duration.ofDays(2);
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant OPENED_AT = NOW.minus(Duration.ofDays(5));
    private static final String PURPOSE = "check the replacement works";

    private AggregateTestFixture<SupportCase> fixture;
    private InMemoryOrderRefundLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = new InMemoryOrderRefundLedger();
        fixture = new AggregateTestFixture<>(SupportCase.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new FollowUpPolicy(CALL_AFTER_RESOLUTION));
        fixture.registerInjectableResource(new RefundApprovalPolicy(AUTO_APPROVAL_LIMIT));
        fixture.registerInjectableResource(ledger);
    }

    // --- what a request must carry ---

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RefundKind.class, names = {"EXCHANGE", "REPAIR"})
    void a_request_that_carries_no_money_is_refused_when_given_an_amount(RefundKind kind) {
        fixture.given(opened())
                .when(new RequestRefund(CASE_ID, "refund-1", kind, Money.of("30.00", "EUR"), "Broken hinge", null))
                .expectNoEvents()
                .expectException(invalidInput("amount"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RefundKind.class, names = {"REFUND_ONLY", "RETURN_AND_REFUND"})
    void a_request_that_carries_money_is_refused_without_an_amount(RefundKind kind) {
        fixture.given(opened())
                .when(new RequestRefund(CASE_ID, "refund-1", kind, null, "Arrived broken", null))
                .expectNoEvents()
                .expectException(invalidInput("amount"));
    }

    @Test
    void a_refund_on_a_case_without_an_order_is_refused() {
        fixture.given(opened(CaseType.COMPLAINT, null, null))
                .when(refundOnly("refund-1", Money.of("30.00", "EUR")))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("references no order with a known amount"));
    }

    @Test
    void a_refund_on_an_order_of_unknown_amount_is_refused() {
        fixture.given(opened(CaseType.COMPLAINT, ORDER_ID, null))
                .when(refundOnly("refund-1", Money.of("30.00", "EUR")))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("references no order with a known amount"));
    }

    @Test
    void an_exchange_needs_no_order() {
        fixture.given(opened(CaseType.COMPLAINT, null, null))
                .when(new RequestRefund(CASE_ID, "refund-1", RefundKind.EXCHANGE, null, "Wrong size", null))
                .expectEvents(new RefundRequested(CASE_ID, "refund-1", RefundKind.EXCHANGE, null, "Wrong size", null, NOW));
    }

    @Test
    void a_refund_in_another_currency_than_the_orders_is_refused() {
        fixture.given(opened())
                .when(refundOnly("refund-1", Money.of("30.00", "USD")))
                .expectNoEvents()
                .expectException(invalidInput("amount.currency"));
    }

    @Test
    void a_refund_of_more_than_the_order_amount_is_refused() {
        fixture.given(opened())
                .when(refundOnly("refund-1", Money.of("500.01", "EUR")))
                .expectNoEvents()
                .expectException(RefundExceedsOrder.class);
    }

    @Test
    void a_refund_of_the_whole_order_amount_is_accepted() {
        fixture.given(opened())
                .when(refundOnly("refund-1", ORDER_AMOUNT))
                .expectEvents(refundRequested("refund-1", ORDER_AMOUNT, NOW));
    }

    // --- the order's ledger ---

    @Test
    void a_refund_request_holds_its_amount_on_the_order() {
        fixture.given(opened())
                .when(refundOnly("refund-1", ABOVE_LIMIT))
                .expectSuccessfulHandlerExecution();

        assertThat(ledger.heldOn(ORDER_ID)).isEqualByComparingTo("300.00");
    }

    @Test
    void a_refund_the_orders_ledger_refuses_records_nothing() {
        heldOnTheOrder(Money.of("450.00", "EUR")); // by a request on another case

        fixture.given(opened())
                .when(refundOnly("refund-1", Money.of("60.00", "EUR")))
                .expectNoEvents()
                .expectException(RefundExceedsOrder.class);

        assertThat(ledger.heldOn(ORDER_ID)).isEqualByComparingTo("450.00");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RefundKind.class, names = {"EXCHANGE", "REPAIR"})
    void a_request_without_money_holds_nothing_on_the_order(RefundKind kind) {
        fixture.given(opened())
                .when(new RequestRefund(CASE_ID, "refund-1", kind, null, "Broken hinge", null))
                .expectSuccessfulHandlerExecution();

        assertThat(ledger.heldOn(ORDER_ID)).isZero();
    }

    // --- approval ---

    @Test
    void a_refund_up_to_the_auto_approval_limit_is_approved_at_once_by_the_system() {
        Money atTheLimit = Money.of("200.00", "EUR");
        fixture.given(opened())
                .when(refundOnly("refund-1", atTheLimit))
                .expectEvents(refundRequested("refund-1", atTheLimit, NOW),
                        new RefundApproved(CASE_ID, "refund-1", "system", true, NOW))
                .expectResultMessagePayload(new CaseCommandResult(CASE_ID, 2));
    }

    @Test
    void the_automatic_approval_is_recorded_with_the_system_as_actor() {
        Money small = Money.of("30.00", "EUR");
        fixture.given(opened())
                .when(refundOnly("refund-1", small))
                .expectEventsMatching(exactSequenceOf(
                        eventWithPayload(refundRequested("refund-1", small, NOW)),
                        allOf(eventWithPayload(new RefundApproved(CASE_ID, "refund-1", "system", true, NOW)),
                                recordedBy("system")),
                        andNoMore()));
    }

    @Test
    void a_refund_above_the_auto_approval_limit_waits_for_an_approver() {
        Money justAbove = Money.of("200.01", "EUR");
        fixture.given(opened())
                .when(refundOnly("refund-1", justAbove))
                .expectEvents(refundRequested("refund-1", justAbove, NOW));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RefundKind.class, names = {"EXCHANGE", "REPAIR"})
    void a_request_without_money_waits_for_an_approver(RefundKind kind) {
        fixture.given(opened())
                .when(new RequestRefund(CASE_ID, "refund-1", kind, null, "Broken hinge", null))
                .expectEvents(new RefundRequested(CASE_ID, "refund-1", kind, null, "Broken hinge", ORDER_ID, NOW));
    }

    @Test
    void approving_a_requested_refund_records_the_approver() {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)))
                .when(new ApproveRefund(CASE_ID, "refund-1", "supervisor-2", null))
                .expectEvents(new RefundApproved(CASE_ID, "refund-1", "supervisor-2", false, NOW));
    }

    @Test
    void an_approved_refund_cannot_be_approved_again() {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)), refundApproved("refund-1", at(20)))
                .when(new ApproveRefund(CASE_ID, "refund-1", "supervisor-2", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("only a REQUESTED request can be approved"));
    }

    @Test
    void rejecting_a_requested_refund_is_recorded() {
        heldOnTheOrder(ABOVE_LIMIT);

        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)))
                .when(new RejectRefund(CASE_ID, "refund-1", "Damage caused by the customer", null))
                .expectEvents(new RefundRejected(CASE_ID, "refund-1", "Damage caused by the customer", NOW));
    }

    @Test
    void rejecting_a_refund_gives_its_money_back_to_the_order() {
        heldOnTheOrder(ABOVE_LIMIT);

        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)))
                .when(new RejectRefund(CASE_ID, "refund-1", "Damage caused by the customer", null))
                .expectSuccessfulHandlerExecution();

        assertThat(ledger.releases()).containsExactly(new Release(ORDER_ID, ABOVE_LIMIT));
        assertThat(ledger.heldOn(ORDER_ID)).isZero();
    }

    @Test
    void rejecting_an_exchange_gives_no_money_back() {
        fixture.given(opened(), new RefundRequested(CASE_ID, "refund-1", RefundKind.EXCHANGE, null, "Wrong size",
                        ORDER_ID, at(10)))
                .when(new RejectRefund(CASE_ID, "refund-1", "Size chart was right", null))
                .expectEvents(new RefundRejected(CASE_ID, "refund-1", "Size chart was right", NOW));

        assertThat(ledger.releases()).isEmpty();
    }

    @Test
    void an_approved_refund_cannot_be_rejected() {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)), refundApproved("refund-1", at(20)))
                .when(new RejectRefund(CASE_ID, "refund-1", "Changed my mind", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("only a REQUESTED request can be rejected"));

        assertThat(ledger.releases()).isEmpty();
    }

    // --- issuing and failing ---

    @Test
    void issuing_an_approved_refund_records_the_payment_reference() {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)), refundApproved("refund-1", at(20)))
                .when(new IssueRefund(CASE_ID, "refund-1", "PAY-778", null))
                .expectEvents(new RefundIssued(CASE_ID, "refund-1", "PAY-778", NOW));
    }

    @Test
    void a_requested_refund_cannot_be_issued_before_it_is_approved() {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)))
                .when(new IssueRefund(CASE_ID, "refund-1", "PAY-778", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("only a APPROVED request can be issued"));
    }

    @Test
    void a_rejected_refund_cannot_be_issued() {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)),
                        new RefundRejected(CASE_ID, "refund-1", "No proof", at(20)))
                .when(new IssueRefund(CASE_ID, "refund-1", "PAY-778", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is REJECTED"));
    }

    @Test
    void issuing_an_issued_refund_again_with_the_same_reference_records_nothing_and_answers_the_current_version() {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)), refundApproved("refund-1", at(20)),
                        refundIssued("refund-1", "PAY-778", at(30)))
                .when(new IssueRefund(CASE_ID, "refund-1", "PAY-778", null))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new CaseCommandResult(CASE_ID, 3));
    }

    @Test
    void issuing_an_issued_refund_with_another_reference_is_refused() {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)), refundApproved("refund-1", at(20)),
                        refundIssued("refund-1", "PAY-778", at(30)))
                .when(new IssueRefund(CASE_ID, "refund-1", "PAY-779", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("already issued with reference PAY-778"));
    }

    @Test
    void failing_an_approved_refund_is_recorded() {
        heldOnTheOrder(ABOVE_LIMIT);

        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)), refundApproved("refund-1", at(20)))
                .when(new FailRefund(CASE_ID, "refund-1", "IBAN closed", null))
                .expectEvents(new RefundFailed(CASE_ID, "refund-1", "IBAN closed", NOW));
    }

    @Test
    void failing_a_refund_gives_its_money_back_to_the_order() {
        heldOnTheOrder(ABOVE_LIMIT);

        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)), refundApproved("refund-1", at(20)))
                .when(new FailRefund(CASE_ID, "refund-1", "IBAN closed", null))
                .expectSuccessfulHandlerExecution();

        assertThat(ledger.releases()).containsExactly(new Release(ORDER_ID, ABOVE_LIMIT));
        assertThat(ledger.heldOn(ORDER_ID)).isZero();
    }

    @Test
    void a_requested_refund_cannot_be_marked_as_failed() {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)))
                .when(new FailRefund(CASE_ID, "refund-1", "IBAN closed", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("only a APPROVED request can be marked as failed"));
    }

    @Test
    void an_issued_refund_cannot_be_marked_as_failed() {
        heldOnTheOrder(ABOVE_LIMIT);

        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)), refundApproved("refund-1", at(20)),
                        refundIssued("refund-1", "PAY-778", at(30)))
                .when(new FailRefund(CASE_ID, "refund-1", "Bank bounced it", null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is ISSUED"));

        assertThat(ledger.heldOn(ORDER_ID)).isEqualByComparingTo("300.00");
    }

    static Stream<Arguments> commandsOnARefundTheCaseDoesNotHave() {
        return Stream.of(
                Arguments.of("approve", new ApproveRefund(CASE_ID, "refund-404", "supervisor-2", null)),
                Arguments.of("reject", new RejectRefund(CASE_ID, "refund-404", "No", null)),
                Arguments.of("issue", new IssueRefund(CASE_ID, "refund-404", "PAY-1", null)),
                Arguments.of("fail", new FailRefund(CASE_ID, "refund-404", "Bounced", null)));
    }

    @ParameterizedTest(name = "{0} an unknown refund")
    @MethodSource("commandsOnARefundTheCaseDoesNotHave")
    void a_refund_the_case_does_not_have_is_an_unknown_part(String action, Object command) {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)))
                .when(command)
                .expectNoEvents()
                .expectException(UnknownCasePart.class)
                .expectExceptionMessage(containsString("has no refund refund-404"));
    }

    // --- closed cases and closing ---

    static Stream<Arguments> refundCommandsOnAClosedCase() {
        return Stream.of(
                Arguments.of("request a refund", refundOnly("refund-2", Money.of("30.00", "EUR"))),
                Arguments.of("approve a refund", new ApproveRefund(CASE_ID, "refund-1", "supervisor-2", null)),
                Arguments.of("reject a refund", new RejectRefund(CASE_ID, "refund-1", "No", null)),
                Arguments.of("issue a refund", new IssueRefund(CASE_ID, "refund-1", "PAY-1", null)),
                Arguments.of("fail a refund", new FailRefund(CASE_ID, "refund-1", "Bounced", null)));
    }

    @ParameterizedTest(name = "a closed case refuses to {0}")
    @MethodSource("refundCommandsOnAClosedCase")
    void a_closed_case_refuses_refund_commands(String action, Object command) {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)),
                        new RefundRejected(CASE_ID, "refund-1", "No proof", at(20)), resolved(30), closed(40))
                .when(command)
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("is CLOSED"));

        assertThat(ledger.heldOn(ORDER_ID)).isZero();
    }

    @Test
    void a_case_with_a_requested_refund_cannot_be_closed() {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)), resolved(20))
                .when(new CloseCase(CASE_ID, null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("still has refund refund-1 REQUESTED"));
    }

    @Test
    void a_case_with_an_approved_refund_cannot_be_closed() {
        fixture.given(opened(), refundRequested("refund-1", ABOVE_LIMIT, at(10)), refundApproved("refund-1", at(20)),
                        resolved(30))
                .when(new CloseCase(CASE_ID, null))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage(containsString("still has refund refund-1 APPROVED"));
    }

    @Test
    void a_case_whose_refunds_are_all_settled_can_be_closed() {
        fixture.given(opened(),
                        refundRequested("refund-1", ABOVE_LIMIT, at(10)), refundApproved("refund-1", at(11)),
                        refundIssued("refund-1", "PAY-778", at(12)),
                        refundRequested("refund-2", Money.of("50.00", "EUR"), at(13)),
                        new RefundRejected(CASE_ID, "refund-2", "Duplicate", at(14)),
                        refundRequested("refund-3", Money.of("40.00", "EUR"), at(15)), refundApproved("refund-3", at(16)),
                        new RefundFailed(CASE_ID, "refund-3", "IBAN closed", at(17)),
                        resolved(20))
                .when(new CloseCase(CASE_ID, null))
                .expectEvents(new CaseClosed(CASE_ID, NOW));
    }

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

    // --- surveys ---

    @Test
    void a_survey_answer_with_every_instrument_is_recorded() {
        Map<ServqualDimension, ServqualRating> servqual = Map.of(
                ServqualDimension.RELIABILITY, new ServqualRating(6, 5),
                ServqualDimension.EMPATHY, new ServqualRating(4, 6));
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, 4, 9, servqual, null))
                .expectEvents(new SurveyAnswered(CASE_ID, 4, 9, servqual, NOW));
    }

    @Test
    void a_survey_answer_with_only_servqual_is_recorded() {
        Map<ServqualDimension, ServqualRating> servqual = Map.of(ServqualDimension.TANGIBLES, new ServqualRating(5, 5));
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, null, null, servqual, null))
                .expectEvents(new SurveyAnswered(CASE_ID, null, null, servqual, NOW));
    }

    static Stream<Arguments> surveyAnswersWithoutAnyInstrument() {
        return Stream.of(
                Arguments.of("no servqual", null),
                Arguments.of("an empty servqual", Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surveyAnswersWithoutAnyInstrument")
    void a_survey_answer_needs_at_least_one_instrument(String description,
                                                       Map<ServqualDimension, ServqualRating> servqual) {
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, null, null, servqual, null))
                .expectNoEvents()
                .expectException(InvalidCaseInput.class)
                .expectExceptionMessage(containsString("at least one of csat, nps and servqual"));
    }

    @ParameterizedTest(name = "csat {0}")
    @ValueSource(ints = {1, 5})
    void a_csat_at_the_ends_of_its_scale_is_recorded(int csat) {
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, csat, null, null, null))
                .expectEvents(new SurveyAnswered(CASE_ID, csat, null, null, NOW));
    }

    @ParameterizedTest(name = "csat {0}")
    @ValueSource(ints = {0, 6})
    void a_csat_outside_one_to_five_is_refused(int csat) {
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, csat, 9, null, null))
                .expectNoEvents()
                .expectException(invalidInput("csat"));
    }

    @ParameterizedTest(name = "nps {0}")
    @ValueSource(ints = {0, 10})
    void an_nps_at_the_ends_of_its_scale_is_recorded(int nps) {
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, null, nps, null, null))
                .expectEvents(new SurveyAnswered(CASE_ID, null, nps, null, NOW));
    }

    @ParameterizedTest(name = "nps {0}")
    @ValueSource(ints = {-1, 11})
    void an_nps_outside_zero_to_ten_is_refused(int nps) {
        fixture.given(opened())
                .when(new RecordSurveyAnswer(CASE_ID, 4, nps, null, null))
                .expectNoEvents()
                .expectException(invalidInput("nps"));
    }

    @Test
    void a_closed_case_still_takes_survey_answers() {
        fixture.given(opened(), resolved(10), closed(20))
                .when(new RecordSurveyAnswer(CASE_ID, 5, 10, null, null))
                .expectEvents(new SurveyAnswered(CASE_ID, 5, 10, null, NOW));
    }

    @Test
    void a_second_survey_answer_is_recorded_as_another_answer() {
        fixture.given(opened(), new SurveyAnswered(CASE_ID, 2, 3, null, at(10)))
                .when(new RecordSurveyAnswer(CASE_ID, 4, null, null, null))
                .expectEvents(new SurveyAnswered(CASE_ID, 4, null, null, NOW))
                .expectResultMessagePayload(new CaseCommandResult(CASE_ID, 2));
    }

    // --- helpers ---

    /** What the requests in a test's given events held on the order when they were accepted. */
    private void heldOnTheOrder(Money amount) {
        ledger.hold(ORDER_ID, ORDER_AMOUNT, amount);
    }

    private static Instant at(int minutesAfterOpening) {
        return OPENED_AT.plus(Duration.ofMinutes(minutesAfterOpening));
    }

    private static CaseOpened opened() {
        return opened(CaseType.COMPLAINT, ORDER_ID, ORDER_AMOUNT);
    }

    private static CaseOpened opened(CaseType type, String orderId, Money orderAmount) {
        return new CaseOpened(CASE_ID, type, Channel.EMAIL, Category.PRODUCT, Priority.NORMAL, "customer-42",
                "Kettle stopped working", "It no longer heats", orderId, orderAmount, OPENED_AT);
    }

    private static RequestRefund refundOnly(String refundId, Money amount) {
        return new RequestRefund(CASE_ID, refundId, RefundKind.REFUND_ONLY, amount, "Defective", null);
    }

    private static RefundRequested refundRequested(String refundId, Money amount, Instant occurredAt) {
        return new RefundRequested(CASE_ID, refundId, RefundKind.REFUND_ONLY, amount, "Defective", ORDER_ID, occurredAt);
    }

    private static RefundApproved refundApproved(String refundId, Instant occurredAt) {
        return new RefundApproved(CASE_ID, refundId, "supervisor-2", false, occurredAt);
    }

    private static RefundIssued refundIssued(String refundId, String reference, Instant occurredAt) {
        return new RefundIssued(CASE_ID, refundId, reference, occurredAt);
    }

    private static CaseResolved resolved(int minutesAfterOpening) {
        return new CaseResolved(CASE_ID, "REPLACED", "Replacement shipped", at(minutesAfterOpening));
    }

    private static CaseClosed closed(int minutesAfterOpening) {
        return new CaseClosed(CASE_ID, at(minutesAfterOpening));
    }

    private static FollowUpScheduled callScheduled(String followUpId, Instant occurredAt) {
        return new FollowUpScheduled(CASE_ID, followUpId, NOW.plus(Duration.ofDays(1)), PURPOSE, false, occurredAt);
    }

    private static Object callOutcome(String followUpId, FollowUpStatus status, Instant occurredAt) {
        return switch (status) {
            case COMPLETED -> new FollowUpCompleted(CASE_ID, followUpId, 5, null, occurredAt);
            case MISSED -> new FollowUpMissed(CASE_ID, followUpId, "Voicemail", occurredAt);
            case SCHEDULED -> throw new IllegalArgumentException("not an outcome: " + status);
        };
    }

    private static Matcher<InvalidCaseInput> invalidInput(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidCaseInput invalid) {
                return field.equals(invalid.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidCaseInput on field ").appendValue(field);
            }
        };
    }

    private static Matcher<EventMessage<?>> eventWithPayload(Object payload) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> event) {
                return Objects.equals(payload, event.getPayload());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an event with payload ").appendValue(payload);
            }
        };
    }

    private static Matcher<EventMessage<?>> recordedBy(String actor) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> event) {
                return actor.equals(event.getMetaData().get(EventMetadata.ACTOR));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an event whose metadata actor is ").appendValue(actor);
            }

            @Override
            protected void describeMismatchSafely(EventMessage<?> event, Description mismatch) {
                mismatch.appendText("metadata was ").appendValue(event.getMetaData());
            }
        };
    }
}
