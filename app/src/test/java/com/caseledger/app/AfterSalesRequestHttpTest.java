package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking for an after-sales action (REFUND_ONLY, RETURN_AND_REFUND, EXCHANGE, REPAIR) on a case: what a request
 * carries (money for a refund, none for an exchange or a repair, in the order's currency), which requests the
 * system approves at once (money up to the auto-approval limit of 200.00), and which requests are refused with a
 * problem+json that names the field and records nothing.
 */
class AfterSalesRequestHttpTest extends AfterSalesHttpSupport {

    // --- a request and the auto-approval limit ---

    @Test
    void a_refund_request_answers_201_with_its_refund_id_and_the_case_version() {
        String caseId = openCaseOnNewOrder("1000.00");

        ResponseEntity<String> response = requestRefund(caseId, "REFUND_ONLY", "500.00");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders().getLocation()).isNotNull();
        JsonNode answer = json(response);
        assertThat(answer.get("caseId").asText()).isEqualTo(caseId);
        assertThat(answer.get("version").asLong()).isEqualTo(1);
        String refundId = answer.get("refundId").asText();
        assertThat(refundId).isNotBlank();
        JsonNode refund = refund(view(caseId, 1), refundId);
        assertThat(refund.get("kind").asText()).isEqualTo("REFUND_ONLY");
        assertThat(refund.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(refund.get("amount").get("amount").asText()).isEqualTo("500.00");
        assertThat(refund.get("amount").get("currency").asText()).isEqualTo(CURRENCY);
        assertThat(refund.get("reason").asText()).isEqualTo("arrived broken");
    }

    @Test
    void a_refund_up_to_the_auto_approval_limit_is_approved_at_once_by_the_system() {
        String caseId = openCaseOnNewOrder("1000.00");

        ResponseEntity<String> response = requestRefund(caseId, "REFUND_ONLY", "200.00", as("agent"));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        JsonNode answer = json(response);
        assertThat(answer.get("version").asLong()).as("requested and approved").isEqualTo(2);
        JsonNode refund = refund(view(caseId, 2), answer.get("refundId").asText());
        assertThat(refund.get("status").asText()).isEqualTo("APPROVED");
        assertThat(refund.get("approverId").asText()).isEqualTo("system");
        assertThat(refund.get("automaticApproval").asBoolean()).isTrue();
        JsonNode requested = events(caseId, "RefundRequested").get(0);
        JsonNode approved = events(caseId, "RefundApproved").get(0);
        assertThat(requested.get("actor").asText()).isEqualTo("agent");
        assertThat(approved.get("actor").asText()).isEqualTo("system");
        assertThat(approved.get("causedBy").asText()).as("the agent whose request the system approved").isEqualTo("agent");
        assertThat(approved.get("payload").get("automatic").asBoolean()).isTrue();
        assertThat(approved.get("sequence").asLong()).isEqualTo(2);
    }

    @Test
    void a_refund_above_the_auto_approval_limit_waits_for_an_approver() {
        String caseId = openCaseOnNewOrder("1000.00");

        ResponseEntity<String> response = requestRefund(caseId, "RETURN_AND_REFUND", "200.01");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        JsonNode answer = json(response);
        assertThat(answer.get("version").asLong()).isEqualTo(1);
        JsonNode refund = refund(view(caseId, 1), answer.get("refundId").asText());
        assertThat(refund.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(refund.get("approverId").isNull()).isTrue();
        assertThat(events(caseId, "RefundApproved")).isEmpty();
    }

    @Test
    void an_exchange_carries_no_money_and_is_issued_with_its_shipment_reference() {
        String caseId = openCaseOnNewOrder("80.00");
        ResponseEntity<String> response = requestRefund(caseId, "EXCHANGE", null);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        String refundId = json(response).get("refundId").asText();
        assertThat(json(response).get("version").asLong()).as("an exchange waits for an approver").isEqualTo(1);

        accepted(refundCommand(caseId, refundId, "approve", Map.of("approverId", "supervisor")));
        long version = accepted(refundCommand(caseId, refundId, "issue", Map.of("paymentReference", "SF1234567890")));

        JsonNode refund = refund(view(caseId, version), refundId);
        assertThat(refund.get("status").asText()).isEqualTo("ISSUED");
        assertThat(refund.get("reference").asText()).isEqualTo("SF1234567890");
        assertThat(refund.get("amount").isNull()).isTrue();
        assertThat(events(caseId, "RefundIssued").get(0).get("payload").get("reference").asText()).isEqualTo("SF1234567890");
    }

    // --- refused requests ---

    @ParameterizedTest
    @ValueSource(strings = {"-5.00", "0", "0.00", "1.001", "12.5x"})
    void a_refund_amount_that_is_not_a_positive_amount_in_cents_is_invalid(String amount) {
        String caseId = openCaseOnNewOrder("100.00");

        JsonNode problem = refused(caseId, () -> requestRefund(caseId, "REFUND_ONLY", amount), 400);

        assertThat(fields(problem)).anyMatch(field -> field.startsWith("amount"));
        assertFullOrderStillRefundable(caseId, "100.00");
    }

    @Test
    void a_refund_in_another_currency_than_the_order_is_invalid() {
        String caseId = openCaseOnNewOrder("100.00");
        Map<String, Object> body = Map.of("kind", "REFUND_ONLY", "reason", "broken",
                "amount", Map.of("amount", "10.00", "currency", "USD"));

        JsonNode problem = refused(caseId, () -> post("/api/cases/" + caseId + "/refunds", body), 400);

        assertThat(fields(problem)).anyMatch(field -> field.startsWith("amount"));
        assertThat(problem.get("detail").asText()).contains("CNY");
    }

    @Test
    void a_refund_in_an_unknown_currency_is_invalid() {
        String caseId = openCaseOnNewOrder("100.00");
        Map<String, Object> body = Map.of("kind", "REFUND_ONLY", "reason", "broken",
                "amount", Map.of("amount", "10.00", "currency", "XQQ"));

        JsonNode problem = refused(caseId, () -> post("/api/cases/" + caseId + "/refunds", body), 400);

        assertThat(fields(problem)).anyMatch(field -> field.startsWith("amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"REFUND_ONLY", "RETURN_AND_REFUND"})
    void a_refund_that_carries_money_needs_an_amount(String kind) {
        String caseId = openCaseOnNewOrder("100.00");

        JsonNode problem = refused(caseId, () -> requestRefund(caseId, kind, null), 400);

        assertThat(fields(problem)).contains("amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXCHANGE", "REPAIR"})
    void an_exchange_or_repair_carries_no_amount(String kind) {
        String caseId = openCaseOnNewOrder("100.00");

        JsonNode problem = refused(caseId, () -> requestRefund(caseId, kind, "10.00"), 400);

        assertThat(fields(problem)).contains("amount");
    }

    @Test
    void an_unknown_kind_is_invalid() {
        String caseId = openCaseOnNewOrder("100.00");

        JsonNode problem = refused(caseId, () -> requestRefund(caseId, "CASHBACK", "10.00"), 400);

        assertThat(fields(problem)).contains("kind");
        assertThat(problem.get("detail").asText()).contains("REFUND_ONLY");
    }

    @Test
    void a_refund_without_kind_or_reason_names_both() {
        String caseId = openCaseOnNewOrder("100.00");

        JsonNode problem = refused(caseId, () -> post("/api/cases/" + caseId + "/refunds",
                Map.of("amount", money("10.00"))), 400);

        assertThat(fields(problem)).contains("kind", "reason");
    }

    @Test
    void a_malformed_refund_body_is_invalid() {
        String caseId = openCaseOnNewOrder("100.00");

        refused(caseId, () -> post("/api/cases/" + caseId + "/refunds", "{\"kind\": \"REFUND_ONLY\","), 400);
    }

    @Test
    void a_refund_on_a_case_without_an_order_amount_is_refused() {
        String withoutOrder = openCaseWithoutOrder();
        String withoutAmount = openCase(caseBody("INQUIRY", unique("order"), null));

        refused(withoutOrder, () -> requestRefund(withoutOrder, "REFUND_ONLY", "10.00"), 409);
        refused(withoutAmount, () -> requestRefund(withoutAmount, "RETURN_AND_REFUND", "10.00"), 409);
    }

    @Test
    void refund_commands_on_an_unknown_case_are_not_found() {
        String unknownCase = unique("case");

        problem(requestRefund(unknownCase, "REFUND_ONLY", "10.00"), 404);
        problem(refundCommand(unknownCase, unique("refund"), "approve", Map.of()), 404);
        problem(post("/api/cases/" + unknownCase + "/follow-ups", Map.of("scheduledFor", inDays(1).toString())), 404);
        problem(post("/api/cases/" + unknownCase + "/surveys", Map.of("csat", 5)), 404);
        problem(get("/api/cases/" + unknownCase + "/history"), 404);
    }
}
