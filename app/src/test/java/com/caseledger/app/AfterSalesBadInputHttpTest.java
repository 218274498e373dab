package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refused after-sales, follow-up and survey commands: each answers a problem+json a client can act on (400 names
 * the field, 404 an unknown refund or call, 409 a rule), never a 5xx, and records nothing.
 */
class AfterSalesBadInputHttpTest extends AfterSalesHttpSupport {

    // --- refund amounts and kinds ---

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
    void a_refund_above_the_order_amount_is_refused() {
        String caseId = openCaseOnNewOrder("100.00");

        JsonNode problem = refused(caseId, () -> requestRefund(caseId, "REFUND_ONLY", "100.01"), 409);

        assertThat(problem.get("detail").asText()).contains("100.00");
        assertFullOrderStillRefundable(caseId, "100.00");
    }

    @Test
    void refunds_that_together_exceed_the_order_amount_are_refused() {
        String caseId = openCaseOnNewOrder("100.00");
        requestedRefund(caseId, "REFUND_ONLY", "60.00");

        refused(caseId, () -> requestRefund(caseId, "RETURN_AND_REFUND", "40.01"), 409);

        requestedRefund(caseId, "RETURN_AND_REFUND", "40.00");
    }

    @Test
    void the_largest_order_amount_a_case_takes_can_be_refunded_in_full() {
        // the refund ledger keeps order amounts as numeric(19, 2): the largest amount Money takes must fit
        String caseId = openCaseOnNewOrder("999999999999999.99");

        ResponseEntity<String> refund = requestRefund(caseId, "REFUND_ONLY", "999999999999999.99");

        assertThat(refund.getStatusCode().value()).as(refund.getBody()).isEqualTo(201);
        problem(requestRefund(caseId, "REFUND_ONLY", "0.01"), 409);
    }

    // --- refund decisions ---

    @Test
    void commands_on_an_unknown_refund_are_not_found() {
        String caseId = openCaseOnNewOrder("100.00");
        String unknown = unique("refund");

        refused(caseId, () -> refundCommand(caseId, unknown, "approve", Map.of("approverId", "sup")), 404);
        refused(caseId, () -> refundCommand(caseId, unknown, "reject", Map.of("reason", "no")), 404);
        refused(caseId, () -> refundCommand(caseId, unknown, "issue", Map.of("paymentReference", "PAY-1")), 404);
        refused(caseId, () -> refundCommand(caseId, unknown, "fail", Map.of("reason", "bank")), 404);
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

    @Test
    void approving_an_automatically_approved_refund_again_is_refused() {
        String caseId = openCaseOnNewOrder("100.00");
        String refundId = requestedRefund(caseId, "REFUND_ONLY", "50.00");

        JsonNode problem = refused(caseId, () -> refundCommand(caseId, refundId, "approve", Map.of("approverId", "sup")), 409);

        assertThat(problem.get("detail").asText()).contains("APPROVED");
    }

    @Test
    void approving_an_approved_refund_again_is_refused() {
        String caseId = openCaseOnNewOrder("1000.00");
        String refundId = requestedRefund(caseId, "REFUND_ONLY", "500.00");
        accepted(refundCommand(caseId, refundId, "approve", Map.of("approverId", "sup")));

        refused(caseId, () -> refundCommand(caseId, refundId, "approve", Map.of("approverId", "sup")), 409);
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
        refused(caseId, () -> refundCommand(caseId, rejected, "approve", Map.of("approverId", "sup")), 409);
        refused(caseId, () -> refundCommand(caseId, rejected, "reject", Map.of("reason", "again")), 409);
        refused(caseId, () -> refundCommand(caseId, issued, "fail", Map.of("reason", "bank")), 409);
        refused(caseId, () -> refundCommand(caseId, issued, "issue", Map.of("paymentReference", "PAY-2")), 409);

        assertThat(problem.get("detail").asText()).contains("CLOSED");
    }

    // --- surveys ---

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1})
    void a_csat_outside_one_to_five_is_invalid(int csat) {
        String caseId = openCaseWithoutOrder();

        assertThat(fields(refused(caseId, () -> survey(caseId, Map.of("csat", csat)), 400))).contains("csat");
    }

    @ParameterizedTest
    @ValueSource(ints = {11, -1})
    void an_nps_outside_zero_to_ten_is_invalid(int nps) {
        String caseId = openCaseWithoutOrder();

        assertThat(fields(refused(caseId, () -> survey(caseId, Map.of("nps", nps, "csat", 4)), 400))).contains("nps");
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 0})
    void a_servqual_rating_outside_one_to_seven_is_invalid(int rating) {
        String caseId = openCaseWithoutOrder();
        Map<String, Object> body = Map.of("servqual", Map.of("RELIABILITY", Map.of("expectation", 5, "perception", rating)));

        JsonNode problem = refused(caseId, () -> survey(caseId, body), 400);

        assertThat(fields(problem)).anyMatch(field -> field.startsWith("servqual") && field.contains("perception"));
    }

    @Test
    void a_servqual_answer_without_its_perception_is_invalid() {
        String caseId = openCaseWithoutOrder();
        Map<String, Object> body = Map.of("servqual", Map.of("EMPATHY", Map.of("expectation", 5)));

        JsonNode problem = refused(caseId, () -> survey(caseId, body), 400);

        assertThat(fields(problem)).anyMatch(field -> field.startsWith("servqual") && field.contains("perception"));
    }

    @Test
    void an_unknown_servqual_dimension_is_invalid() {
        String caseId = openCaseWithoutOrder();
        Map<String, Object> body = Map.of("servqual", Map.of("COURTESY", Map.of("expectation", 5, "perception", 5)));

        JsonNode problem = refused(caseId, () -> survey(caseId, body), 400);

        assertThat(fields(problem)).anyMatch(field -> field.startsWith("servqual"));
        assertThat(problem.get("detail").asText()).contains("COURTESY");
    }

    @Test
    void a_survey_without_any_instrument_is_invalid() {
        String caseId = openCaseWithoutOrder();

        JsonNode empty = refused(caseId, () -> survey(caseId, Map.of()), 400);
        JsonNode emptyServqual = refused(caseId, () -> survey(caseId, Map.of("servqual", Map.of())), 400);

        assertThat(fields(empty)).isNotEmpty().allMatch(field -> field.equals("csat") || field.equals("nps") || field.equals("servqual"));
        assertThat(fields(emptyServqual)).isNotEmpty();
    }

    @Test
    void a_fractional_score_is_invalid_rather_than_cut_to_a_whole_number() {
        String caseId = openCaseWithoutOrder();

        assertThat(fields(refused(caseId, () -> survey(caseId, Map.of("csat", 4.5)), 400))).contains("csat");
        assertThat(fields(refused(caseId, () -> survey(caseId, Map.of("nps", 9.5)), 400))).contains("nps");
    }

    @Test
    void a_csat_that_is_not_a_number_is_invalid() {
        String caseId = openCaseWithoutOrder();

        assertThat(fields(refused(caseId, () -> survey(caseId, Map.of("csat", "five")), 400))).contains("csat");
    }

    // --- follow-up calls ---

    @Test
    void a_follow_up_call_scheduled_in_the_past_is_invalid() {
        String caseId = openCaseWithoutOrder();
        String yesterday = Instant.now().minus(Duration.ofDays(1)).toString();

        JsonNode problem = refused(caseId, () -> scheduleFollowUp(caseId, Map.of("scheduledFor", yesterday)), 400);

        assertThat(fields(problem)).contains("scheduledFor");
    }

    @Test
    void a_past_call_is_accepted_when_backfilled_with_an_occurred_at_before_it() {
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> backfilledCase = new LinkedHashMap<>(caseBody("INQUIRY", null, null));
        backfilledCase.put("occurredAt", threeDaysAgo.toString());
        String caseId = openCase(backfilledCase);
        String yesterday = threeDaysAgo.plus(Duration.ofDays(2)).toString();
        refused(caseId, () -> scheduleFollowUp(caseId, Map.of("scheduledFor", yesterday)), 400);

        ResponseEntity<String> backfilled = scheduleFollowUp(caseId, Map.of("scheduledFor", yesterday,
                "occurredAt", threeDaysAgo.plus(Duration.ofDays(1)).toString()));

        assertThat(backfilled.getStatusCode().value()).as(backfilled.getBody()).isEqualTo(201);
        JsonNode call = followUp(view(caseId, 1), json(backfilled).get("followUpId").asText());
        assertThat(Instant.parse(call.get("scheduledFor").asText())).isEqualTo(Instant.parse(yesterday));
    }

    @Test
    void a_follow_up_call_needs_a_valid_scheduled_for() {
        String caseId = openCaseWithoutOrder();

        assertThat(fields(refused(caseId, () -> scheduleFollowUp(caseId, Map.of("purpose", "call")), 400)))
                .contains("scheduledFor");
        assertThat(fields(refused(caseId, () -> scheduleFollowUp(caseId, Map.of("scheduledFor", "tomorrow")), 400)))
                .contains("scheduledFor");
    }

    @Test
    void rescheduling_a_call_into_the_past_is_invalid() {
        String caseId = openCaseWithoutOrder();
        String followUpId = scheduledFollowUp(caseId, inDays(1).toString());
        String yesterday = Instant.now().minus(Duration.ofDays(1)).toString();

        JsonNode problem = refused(caseId, () -> followUpCommand(caseId, followUpId, "reschedule",
                Map.of("scheduledFor", yesterday)), 400);

        assertThat(fields(problem)).contains("scheduledFor");
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 0})
    void a_satisfaction_outside_one_to_five_is_invalid(int satisfaction) {
        String caseId = openCaseWithoutOrder();
        String followUpId = scheduledFollowUp(caseId, inDays(1).toString());

        JsonNode problem = refused(caseId, () -> followUpCommand(caseId, followUpId, "complete",
                Map.of("reached", true, "satisfaction", satisfaction)), 400);

        assertThat(fields(problem)).contains("satisfaction");
    }

    @Test
    void a_satisfaction_from_a_customer_not_reached_is_invalid() {
        String caseId = openCaseWithoutOrder();
        String followUpId = scheduledFollowUp(caseId, inDays(1).toString());

        JsonNode problem = refused(caseId, () -> followUpCommand(caseId, followUpId, "complete",
                Map.of("reached", false, "satisfaction", 3)), 400);

        assertThat(fields(problem)).contains("satisfaction");
    }

    @Test
    void completing_a_call_needs_to_say_whether_the_customer_was_reached() {
        String caseId = openCaseWithoutOrder();
        String followUpId = scheduledFollowUp(caseId, inDays(1).toString());

        JsonNode problem = refused(caseId, () -> followUpCommand(caseId, followUpId, "complete", Map.of("satisfaction", 3)), 400);

        assertThat(fields(problem)).contains("reached");
    }

    @Test
    void commands_on_an_unknown_follow_up_call_are_not_found() {
        String caseId = openCaseWithoutOrder();
        String unknown = unique("follow-up");

        refused(caseId, () -> followUpCommand(caseId, unknown, "complete", Map.of("reached", true)), 404);
        refused(caseId, () -> followUpCommand(caseId, unknown, "miss", Map.of("reason", "busy")), 404);
        refused(caseId, () -> followUpCommand(caseId, unknown, "reschedule", Map.of("scheduledFor", inDays(2).toString())), 404);
    }

    @Test
    void a_completed_call_is_neither_completed_again_nor_missed_nor_rescheduled() {
        String caseId = openCaseWithoutOrder();
        String followUpId = scheduledFollowUp(caseId, inDays(1).toString());
        accepted(followUpCommand(caseId, followUpId, "complete", Map.of("reached", true)));

        refused(caseId, () -> followUpCommand(caseId, followUpId, "complete", Map.of("reached", true)), 409);
        refused(caseId, () -> followUpCommand(caseId, followUpId, "miss", Map.of()), 409);
        refused(caseId, () -> followUpCommand(caseId, followUpId, "reschedule", Map.of("scheduledFor", inDays(2).toString())), 409);
    }

    @Test
    void the_worklist_refuses_an_unknown_status_and_a_malformed_instant() {
        assertThat(fields(problem(get("/api/follow-ups?status=LATE"), 400))).contains("status");
        assertThat(fields(problem(get("/api/follow-ups?dueBefore=soon"), 400))).contains("dueBefore");
    }

    /**
     * Sends a request that must be refused with {@code status} as problem+json (never a 5xx) and must leave the
     * case's history as it was; answers the problem.
     */
    private JsonNode refused(String caseId, Supplier<ResponseEntity<String>> request, int status) {
        int recorded = history(caseId).size();
        ResponseEntity<String> response = request.get();
        JsonNode problem = problem(response, status);
        assertThat(history(caseId)).as("nothing recorded").hasSize(recorded);
        return problem;
    }

    /** A refused refund must hold no money: the whole order can still be requested afterwards. */
    private void assertFullOrderStillRefundable(String caseId, String orderAmount) {
        ResponseEntity<String> whole = requestRefund(caseId, "RETURN_AND_REFUND", orderAmount);
        assertThat(whole.getStatusCode().value()).as(whole.getBody()).isEqualTo(201);
    }

    private ResponseEntity<String> survey(String caseId, Map<String, Object> body) {
        return post("/api/cases/" + caseId + "/surveys", body);
    }
}
