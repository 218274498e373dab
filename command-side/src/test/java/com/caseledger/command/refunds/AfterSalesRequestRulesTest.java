package com.caseledger.command.refunds;

import com.caseledger.command.cases.CaseRulesFixture;
import com.caseledger.command.cases.CloseCase;
import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.command.casework.CaseRuleViolation;
import com.caseledger.command.casework.NotPermitted;
import com.caseledger.command.casework.UnknownCasePart;
import com.caseledger.command.refunds.InMemoryOrderRefundLedger.Release;
import com.caseledger.events.CaseClosed;
import com.caseledger.events.CaseType;
import com.caseledger.events.EventMetadata;
import com.caseledger.events.Money;
import com.caseledger.events.RefundApproved;
import com.caseledger.events.RefundFailed;
import com.caseledger.events.RefundIssued;
import com.caseledger.events.RefundKind;
import com.caseledger.events.RefundRejected;
import com.caseledger.events.RefundRequested;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** The rules of after-sales requests (refund only, return and refund, exchange, repair): what a request carries, the money held on its order, approval, issuing and failing, and closing a case that has requests. */
class AfterSalesRequestRulesTest extends CaseRulesFixture {

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
    void the_approver_is_the_signed_in_user_who_approves() {
        fixture.given(opened(), requestedBy("maria", refundRequested("refund-1", ABOVE_LIMIT, at(10))))
                .when(new ApproveRefund(CASE_ID, "refund-1", null, null), MetaData.with(EventMetadata.ACTOR, "sam"))
                .expectEvents(new RefundApproved(CASE_ID, "refund-1", "sam", false, NOW));
    }

    @Test
    void four_eyes_the_requester_cannot_approve_their_own_request() {
        fixture.given(opened(), requestedBy("maria", refundRequested("refund-1", ABOVE_LIMIT, at(10))))
                .when(new ApproveRefund(CASE_ID, "refund-1", null, null), MetaData.with(EventMetadata.ACTOR, "maria"))
                .expectNoEvents()
                .expectException(NotPermitted.class)
                .expectExceptionMessage(containsString("cannot also approve it"));
    }

    @Test
    void four_eyes_naming_another_approver_does_not_get_around_it() {
        fixture.given(opened(), requestedBy("maria", refundRequested("refund-1", ABOVE_LIMIT, at(10))))
                .when(new ApproveRefund(CASE_ID, "refund-1", "sam", null), MetaData.with(EventMetadata.ACTOR, "maria"))
                .expectNoEvents()
                .expectException(NotPermitted.class)
                .expectExceptionMessage(containsString("approverId names sam, but maria is signed in"));
    }

    @Test
    void an_import_records_an_approval_taken_elsewhere_even_by_the_requester() {
        fixture.given(opened(), requestedBy("maria", refundRequested("refund-1", ABOVE_LIMIT, at(10))))
                .when(new ApproveRefund(CASE_ID, "refund-1", null, at(30)), MetaData.with(EventMetadata.ACTOR, "maria"))
                .expectEvents(new RefundApproved(CASE_ID, "refund-1", "maria", false, at(30)));
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

    @Test
    void a_case_takes_no_more_than_its_limit_of_after_sales_requests() {
        Object[] given = new Object[101];
        given[0] = opened();
        for (int i = 1; i <= 100; i++) {
            given[i] = new RefundRequested(CASE_ID, "exchange-" + i, RefundKind.EXCHANGE, null, "Wrong size", ORDER_ID, at(i));
        }

        fixture.given(given)
                .when(new RequestRefund(CASE_ID, "exchange-101", RefundKind.EXCHANGE, null, "Wrong size", null))
                .expectException(CaseRuleViolation.class)
                .expectNoEvents();
    }

    /** An event as recorded when {@code actor} was signed in. */
    private static EventMessage<Object> requestedBy(String actor, Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(MetaData.with(EventMetadata.ACTOR, actor));
    }
}
