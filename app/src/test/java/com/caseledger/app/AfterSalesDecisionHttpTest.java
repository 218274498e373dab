package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four steps of an after-sales request: REQUESTED -> APPROVED or REJECTED -> ISSUED (with the payment or
 * shipment reference) or FAILED, for every kind; issuing is idempotent for the same reference; a case closes only
 * once its requests are settled. A step out of this order, on an unknown request or on a closed case is refused
 * and records nothing.
 */
class AfterSalesDecisionHttpTest extends AfterSalesHttpSupport {

    // --- approve, reject, issue, fail ---

    @ParameterizedTest
    @ValueSource(strings = {"REFUND_ONLY", "RETURN_AND_REFUND", "EXCHANGE", "REPAIR"})
    void every_kind_is_approved_by_an_approver_and_then_issued(String kind) {
        String caseId = openCaseOnNewOrder("1000.00");
        String refundId = requestedRefund(caseId, kind, carriesMoney(kind) ? "450.00" : null);

        long approved = accepted(refundCommand(caseId, refundId, "approve", Map.of("approverId", "supervisor")));
        long issued = accepted(refundCommand(caseId, refundId, "issue", Map.of("paymentReference", "ref-" + kind)));

        assertThat(approved).isEqualTo(2);
        assertThat(issued).isEqualTo(3);
        JsonNode refund = refund(view(caseId, issued), refundId);
        assertThat(refund.get("kind").asText()).isEqualTo(kind);
        assertThat(refund.get("status").asText()).isEqualTo("ISSUED");
        assertThat(refund.get("approverId").asText()).isEqualTo("supervisor");
        assertThat(refund.get("automaticApproval").asBoolean()).isFalse();
        assertThat(refund.get("reference").asText()).isEqualTo("ref-" + kind);
        assertThat(refund.get("issuedAt").isNull()).isFalse();
        assertThat(types(history(caseId))).containsExactly("CaseOpened", "RefundRequested", "RefundApproved", "RefundIssued");
    }

    @ParameterizedTest
    @ValueSource(strings = {"REFUND_ONLY", "RETURN_AND_REFUND", "EXCHANGE", "REPAIR"})
    void every_kind_can_be_rejected_with_a_reason(String kind) {
        String caseId = openCaseOnNewOrder("1000.00");
        String refundId = requestedRefund(caseId, kind, carriesMoney(kind) ? "450.00" : null);

        long version = accepted(refundCommand(caseId, refundId, "reject", Map.of("reason", "damage caused by the customer")));

        assertThat(version).isEqualTo(2);
        JsonNode refund = refund(view(caseId, version), refundId);
        assertThat(refund.get("status").asText()).isEqualTo("REJECTED");
        assertThat(refund.get("rejectionReason").asText()).isEqualTo("damage caused by the customer");
        assertThat(refund.get("decidedAt").isNull()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"REFUND_ONLY", "RETURN_AND_REFUND", "EXCHANGE", "REPAIR"})
    void every_kind_can_fail_after_its_approval(String kind) {
        String caseId = openCaseOnNewOrder("1000.00");
        String refundId = requestedRefund(caseId, kind, carriesMoney(kind) ? "450.00" : null);
        accepted(refundCommand(caseId, refundId, "approve", Map.of("approverId", "supervisor")));

        long version = accepted(refundCommand(caseId, refundId, "fail", Map.of("reason", "bank account closed")));

        assertThat(version).isEqualTo(3);
        JsonNode refund = refund(view(caseId, version), refundId);
        assertThat(refund.get("status").asText()).isEqualTo("FAILED");
        assertThat(refund.get("failureReason").asText()).isEqualTo("bank account closed");
        assertThat(refund.get("reference").isNull()).isTrue();
    }

    @Test
    void an_approval_without_a_body_is_accepted() {
        String caseId = openCaseOnNewOrder("1000.00");
        String refundId = requestedRefund(caseId, "REFUND_ONLY", "300.00");

        long version = accepted(refundCommand(caseId, refundId, "approve", null));

        assertThat(refund(view(caseId, version), refundId).get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void issuing_again_with_the_same_payment_reference_answers_the_same_version_and_records_nothing() {
        String caseId = openCaseOnNewOrder("1000.00");
        String refundId = requestedRefund(caseId, "REFUND_ONLY", "100.00");
        long issued = accepted(refundCommand(caseId, refundId, "issue", Map.of("paymentReference", "PAY-1")));
        int recorded = history(caseId).size();

        ResponseEntity<String> replay = refundCommand(caseId, refundId, "issue", Map.of("paymentReference", "PAY-1"));

        assertThat(accepted(replay)).isEqualTo(issued);
        assertThat(json(replay).get("caseId").asText()).isEqualTo(caseId);
        assertThat(history(caseId)).hasSize(recorded);
        assertThat(events(caseId, "RefundIssued")).hasSize(1);
        JsonNode refund = refund(view(caseId, issued), refundId);
        assertThat(refund.get("status").asText()).isEqualTo("ISSUED");
        assertThat(refund.get("reference").asText()).isEqualTo("PAY-1");
    }

    @Test
    void issuing_again_with_another_payment_reference_is_refused() {
        String caseId = openCaseOnNewOrder("1000.00");
        String refundId = requestedRefund(caseId, "REFUND_ONLY", "100.00");
        long issued = accepted(refundCommand(caseId, refundId, "issue", Map.of("paymentReference", "PAY-1")));
        int recorded = history(caseId).size();

        ResponseEntity<String> other = refundCommand(caseId, refundId, "issue", Map.of("paymentReference", "PAY-2"));

        assertThat(problem(other, 409).get("detail").asText()).contains("PAY-1");
        assertThat(history(caseId)).hasSize(recorded);
        assertThat(refund(view(caseId, issued), refundId).get("reference").asText()).isEqualTo("PAY-1");
    }

    @Test
    void a_case_with_an_unsettled_refund_cannot_be_closed_until_it_is_settled() {
        String caseId = openCaseOnNewOrder("1000.00");
        String waiting = requestedRefund(caseId, "REFUND_ONLY", "500.00");
        String autoApproved = requestedRefund(caseId, "REFUND_ONLY", "50.00");
        long resolved = command(caseId, "resolve", Map.of("resolutionCode", "REFUNDED"));

        JsonNode refused = problem(post("/api/cases/" + caseId + "/close", Map.of()), 409);
        accepted(refundCommand(caseId, waiting, "reject", Map.of("reason", "too much")));
        ResponseEntity<String> stillApproved = post("/api/cases/" + caseId + "/close", Map.of());
        accepted(refundCommand(caseId, autoApproved, "issue", Map.of("paymentReference", "PAY-3")));
        long closed = command(caseId, "close", Map.of());

        assertThat(refused.get("detail").asText()).contains("refund");
        problem(stillApproved, 409);
        assertThat(closed).isEqualTo(resolved + 3);
        assertThat(view(caseId, closed).get("status").asText()).isEqualTo("CLOSED");
    }

    // --- refused steps ---

    @Test
    void commands_on_an_unknown_refund_are_not_found() {
        String caseId = openCaseOnNewOrder("100.00");
        String unknown = unique("refund");

        refused(caseId, () -> refundCommand(caseId, unknown, "approve", Map.of("approverId", "supervisor")), 404);
        refused(caseId, () -> refundCommand(caseId, unknown, "reject", Map.of("reason", "no")), 404);
        refused(caseId, () -> refundCommand(caseId, unknown, "issue", Map.of("paymentReference", "PAY-1")), 404);
        refused(caseId, () -> refundCommand(caseId, unknown, "fail", Map.of("reason", "bank")), 404);
    }

    @Test
    void approving_an_automatically_approved_refund_again_is_refused() {
        String caseId = openCaseOnNewOrder("100.00");
        String refundId = requestedRefund(caseId, "REFUND_ONLY", "50.00");

        JsonNode problem = refused(caseId, () -> refundCommand(caseId, refundId, "approve", Map.of("approverId", "supervisor")), 409);

        assertThat(problem.get("detail").asText()).contains("APPROVED");
    }

    @Test
    void approving_an_approved_refund_again_is_refused() {
        String caseId = openCaseOnNewOrder("1000.00");
        String refundId = requestedRefund(caseId, "REFUND_ONLY", "500.00");
        accepted(refundCommand(caseId, refundId, "approve", Map.of("approverId", "supervisor")));

        refused(caseId, () -> refundCommand(caseId, refundId, "approve", Map.of("approverId", "supervisor")), 409);
    }

    @Test
    void a_refund_is_decided_and_settled_only_in_its_order_of_states() {
        String caseId = openCaseOnNewOrder("1000.00");
        String requested = requestedRefund(caseId, "REFUND_ONLY", "500.00");
        String rejected = requestedRefund(caseId, "REFUND_ONLY", "300.00");
        accepted(refundCommand(caseId, rejected, "reject", Map.of("reason", "no")));
        String approved = requestedRefund(caseId, "REFUND_ONLY", "100.00");

        refused(caseId, () -> refundCommand(caseId, requested, "issue", Map.of("paymentReference", "PAY-1")), 409);
        refused(caseId, () -> refundCommand(caseId, requested, "fail", Map.of("reason", "bank")), 409);
        refused(caseId, () -> refundCommand(caseId, rejected, "approve", Map.of()), 409);
        refused(caseId, () -> refundCommand(caseId, rejected, "issue", Map.of("paymentReference", "PAY-1")), 409);
        refused(caseId, () -> refundCommand(caseId, approved, "reject", Map.of("reason", "changed my mind")), 409);
    }

    @Test
    void reject_fail_and_issue_need_their_reason_or_reference() {
        String caseId = openCaseOnNewOrder("1000.00");
        String requested = requestedRefund(caseId, "REFUND_ONLY", "500.00");
        String approved = requestedRefund(caseId, "REFUND_ONLY", "100.00");

        assertThat(fields(refused(caseId, () -> refundCommand(caseId, requested, "reject", Map.of()), 400))).contains("reason");
        assertThat(fields(refused(caseId, () -> refundCommand(caseId, approved, "fail", Map.of("reason", " ")), 400)))
                .contains("reason");
        assertThat(fields(refused(caseId, () -> refundCommand(caseId, approved, "issue", Map.of()), 400)))
                .contains("paymentReference");
    }

    @Test
    void refund_commands_on_a_closed_case_are_refused() {
        String caseId = openCaseOnNewOrder("1000.00");
        String issued = requestedRefund(caseId, "REFUND_ONLY", "100.00");
        accepted(refundCommand(caseId, issued, "issue", Map.of("paymentReference", "PAY-1")));
        String rejected = requestedRefund(caseId, "EXCHANGE", null);
        accepted(refundCommand(caseId, rejected, "reject", Map.of("reason", "out of stock")));
        resolveAndClose(caseId);

        JsonNode problem = refused(caseId, () -> requestRefund(caseId, "REFUND_ONLY", "10.00"), 409);
        refused(caseId, () -> requestRefund(caseId, "REPAIR", null), 409);
        refused(caseId, () -> refundCommand(caseId, rejected, "approve", Map.of("approverId", "supervisor")), 409);
        refused(caseId, () -> refundCommand(caseId, rejected, "reject", Map.of("reason", "again")), 409);
        refused(caseId, () -> refundCommand(caseId, issued, "fail", Map.of("reason", "bank")), 409);
        refused(caseId, () -> refundCommand(caseId, issued, "issue", Map.of("paymentReference", "PAY-2")), 409);

        assertThat(problem.get("detail").asText()).contains("CLOSED");
    }

    private static boolean carriesMoney(String kind) {
        return kind.equals("REFUND_ONLY") || kind.equals("RETURN_AND_REFUND");
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }
}
