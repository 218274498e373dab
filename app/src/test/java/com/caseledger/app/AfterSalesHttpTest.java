package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refunds, returns, exchanges and repairs; follow-up calls and their worklist; survey answers: every endpoint
 * through HTTP as a client sees it (the answer, the case view, the recorded history).
 */
class AfterSalesHttpTest extends AfterSalesHttpSupport {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);
    private static final int RACES = 5;

    // --- after-sales requests ---

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

        ResponseEntity<String> response = requestRefund(caseId, "REFUND_ONLY", "200.00", "X-Actor", "agent-li");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        JsonNode answer = json(response);
        assertThat(answer.get("version").asLong()).as("requested and approved").isEqualTo(2);
        JsonNode refund = refund(view(caseId, 2), answer.get("refundId").asText());
        assertThat(refund.get("status").asText()).isEqualTo("APPROVED");
        assertThat(refund.get("approverId").asText()).isEqualTo("system");
        assertThat(refund.get("automaticApproval").asBoolean()).isTrue();
        JsonNode requested = events(caseId, "RefundRequested").get(0);
        JsonNode approved = events(caseId, "RefundApproved").get(0);
        assertThat(requested.get("actor").asText()).isEqualTo("agent-li");
        assertThat(approved.get("actor").asText()).isEqualTo("system");
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

    @ParameterizedTest
    @ValueSource(strings = {"REFUND_ONLY", "RETURN_AND_REFUND", "EXCHANGE", "REPAIR"})
    void every_kind_is_approved_by_an_approver_and_then_issued(String kind) {
        String caseId = openCaseOnNewOrder("1000.00");
        String refundId = requestedRefund(caseId, kind, carriesMoney(kind) ? "450.00" : null);

        long approved = accepted(refundCommand(caseId, refundId, "approve", Map.of("approverId", "supervisor-wu")));
        long issued = accepted(refundCommand(caseId, refundId, "issue", Map.of("paymentReference", "ref-" + kind)));

        assertThat(approved).isEqualTo(2);
        assertThat(issued).isEqualTo(3);
        JsonNode refund = refund(view(caseId, issued), refundId);
        assertThat(refund.get("kind").asText()).isEqualTo(kind);
        assertThat(refund.get("status").asText()).isEqualTo("ISSUED");
        assertThat(refund.get("approverId").asText()).isEqualTo("supervisor-wu");
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
        accepted(refundCommand(caseId, refundId, "approve", Map.of("approverId", "supervisor-wu")));

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
    void an_exchange_carries_no_money_and_is_issued_with_its_shipment_reference() {
        String caseId = openCaseOnNewOrder("80.00");
        ResponseEntity<String> response = requestRefund(caseId, "EXCHANGE", null);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        String refundId = json(response).get("refundId").asText();
        assertThat(json(response).get("version").asLong()).as("an exchange waits for an approver").isEqualTo(1);

        accepted(refundCommand(caseId, refundId, "approve", Map.of("approverId", "supervisor-wu")));
        long version = accepted(refundCommand(caseId, refundId, "issue", Map.of("paymentReference", "SF1234567890")));

        JsonNode refund = refund(view(caseId, version), refundId);
        assertThat(refund.get("status").asText()).isEqualTo("ISSUED");
        assertThat(refund.get("reference").asText()).isEqualTo("SF1234567890");
        assertThat(refund.get("amount").isNull()).isTrue();
        assertThat(events(caseId, "RefundIssued").get(0).get("payload").get("reference").asText()).isEqualTo("SF1234567890");
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
    void two_simultaneous_refund_requests_on_two_cases_of_a_new_order_never_refund_more_than_the_order() throws Exception {
        for (int race = 1; race <= RACES; race++) {
            String orderId = unique("raced-order");
            race(race, orderId, openCaseOnOrder(orderId, "300.00"), openCaseOnOrder(orderId, "300.00"));
        }
    }

    @Test
    void two_simultaneous_refund_requests_on_an_order_already_partly_refunded_never_refund_more_than_the_order()
            throws Exception {
        for (int race = 1; race <= RACES; race++) {
            String orderId = unique("raced-order");
            // the order's hold exists before the race, so only its row lock keeps the two requests apart
            requestedRefund(openCaseOnOrder(orderId, "300.00"), "REFUND_ONLY", "50.00");
            race(race, orderId, openCaseOnOrder(orderId, "300.00"), openCaseOnOrder(orderId, "300.00"));
        }
    }

    @Test
    void a_refund_on_another_case_of_the_same_order_counts_against_the_order_amount() {
        String orderId = unique("shared-order");
        String first = openCaseOnOrder(orderId, "300.00");
        String second = openCaseOnOrder(orderId, "300.00");
        requestedRefund(first, "REFUND_ONLY", "250.00");

        ResponseEntity<String> tooMuch = requestRefund(second, "REFUND_ONLY", "50.01");
        ResponseEntity<String> rest = requestRefund(second, "REFUND_ONLY", "50.00");

        problem(tooMuch, 409);
        assertThat(rest.getStatusCode().value()).as(rest.getBody()).isEqualTo(201);
    }

    @Test
    void rejecting_a_refund_gives_its_money_back_to_the_order() {
        String orderId = unique("order");
        String caseId = openCaseOnOrder(orderId, "300.00");
        String refundId = requestedRefund(caseId, "REFUND_ONLY", "300.00");
        problem(requestRefund(caseId, "REFUND_ONLY", "0.01"), 409);

        accepted(refundCommand(caseId, refundId, "reject", Map.of("reason", "not eligible")));

        String otherCase = openCaseOnOrder(orderId, "300.00");
        ResponseEntity<String> again = requestRefund(otherCase, "RETURN_AND_REFUND", "300.00");
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(201);
    }

    @Test
    void a_failed_refund_gives_its_money_back_to_the_order() {
        String caseId = openCaseOnNewOrder("150.00");
        String refundId = requestedRefund(caseId, "REFUND_ONLY", "150.00");
        problem(requestRefund(caseId, "REFUND_ONLY", "0.01"), 409);

        accepted(refundCommand(caseId, refundId, "fail", Map.of("reason", "card expired")));

        ResponseEntity<String> again = requestRefund(caseId, "REFUND_ONLY", "150.00");
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(201);
        JsonNode view = view(caseId, json(again).get("version").asLong());
        assertThat(view.get("refunds")).hasSize(2);
    }

    @Test
    void issued_money_stays_counted_against_the_order() {
        String caseId = openCaseOnNewOrder("150.00");
        String refundId = requestedRefund(caseId, "REFUND_ONLY", "150.00");
        accepted(refundCommand(caseId, refundId, "issue", Map.of("paymentReference", "PAY-9")));

        problem(requestRefund(caseId, "REFUND_ONLY", "0.01"), 409);
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

    // --- follow-up calls ---

    @Test
    void scheduling_a_follow_up_call_answers_201_with_its_follow_up_id() {
        String caseId = openCaseWithoutOrder();
        Instant due = inDays(3);

        ResponseEntity<String> response = scheduleFollowUp(caseId, Map.of("scheduledFor", due.toString(),
                "purpose", "check the replacement arrived"));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders().getLocation()).isNotNull();
        JsonNode answer = json(response);
        assertThat(answer.get("caseId").asText()).isEqualTo(caseId);
        assertThat(answer.get("version").asLong()).isEqualTo(1);
        String followUpId = answer.get("followUpId").asText();
        assertThat(followUpId).isNotBlank();
        JsonNode call = followUp(view(caseId, 1), followUpId);
        assertThat(call.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(call.get("scheduledFor").asText())).isEqualTo(due);
        assertThat(call.get("purpose").asText()).isEqualTo("check the replacement arrived");
        assertThat(call.get("automatic").asBoolean()).isFalse();
    }

    @Test
    void a_reached_customer_completes_the_call_with_a_satisfaction_score() {
        String caseId = openCaseWithoutOrder();
        String followUpId = scheduledFollowUp(caseId, inDays(1).toString());

        long version = accepted(followUpCommand(caseId, followUpId, "complete",
                Map.of("reached", true, "satisfaction", 4, "notes", "happy with the new kettle")));

        assertThat(version).isEqualTo(2);
        JsonNode call = followUp(view(caseId, version), followUpId);
        assertThat(call.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(call.get("satisfaction").asInt()).isEqualTo(4);
        assertThat(call.get("notes").asText()).isEqualTo("happy with the new kettle");
        assertThat(call.get("completedAt").isNull()).isFalse();
        assertThat(events(caseId, "FollowUpCompleted")).hasSize(1);
    }

    @Test
    void a_call_that_did_not_reach_the_customer_becomes_missed() {
        String caseId = openCaseWithoutOrder();
        String followUpId = scheduledFollowUp(caseId, inDays(1).toString());

        long version = accepted(followUpCommand(caseId, followUpId, "complete", Map.of("reached", false)));

        JsonNode call = followUp(view(caseId, version), followUpId);
        assertThat(call.get("status").asText()).isEqualTo("MISSED");
        assertThat(call.get("satisfaction").isNull()).isTrue();
        assertThat(call.get("missReason").asText()).isNotBlank();
        assertThat(events(caseId, "FollowUpMissed")).hasSize(1);
        assertThat(events(caseId, "FollowUpCompleted")).isEmpty();
    }

    @Test
    void a_call_recorded_as_missed_keeps_its_reason() {
        String caseId = openCaseWithoutOrder();
        String followUpId = scheduledFollowUp(caseId, inDays(1).toString());

        long version = accepted(followUpCommand(caseId, followUpId, "miss", Map.of("reason", "line busy")));

        JsonNode call = followUp(view(caseId, version), followUpId);
        assertThat(call.get("status").asText()).isEqualTo("MISSED");
        assertThat(call.get("missReason").asText()).isEqualTo("line busy");
        assertThat(call.get("missedAt").isNull()).isFalse();
    }

    @Test
    void a_missed_call_is_rescheduled_to_another_time() {
        String caseId = openCaseWithoutOrder();
        String followUpId = scheduledFollowUp(caseId, inDays(1).toString());
        accepted(followUpCommand(caseId, followUpId, "miss", null));
        Instant later = inDays(4);

        long version = accepted(followUpCommand(caseId, followUpId, "reschedule", Map.of("scheduledFor", later.toString())));

        JsonNode call = followUp(view(caseId, version), followUpId);
        assertThat(call.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(call.get("scheduledFor").asText())).isEqualTo(later);
        assertThat(call.get("reschedules").asInt()).isEqualTo(1);
        assertThat(call.get("missReason").isNull()).isTrue();
    }

    @Test
    void a_scheduled_call_is_moved_to_another_time() {
        String caseId = openCaseWithoutOrder();
        String followUpId = scheduledFollowUp(caseId, inDays(1).toString());
        Instant later = inDays(2);

        long version = accepted(followUpCommand(caseId, followUpId, "reschedule", Map.of("scheduledFor", later.toString())));

        JsonNode call = followUp(view(caseId, version), followUpId);
        assertThat(call.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(call.get("scheduledFor").asText())).isEqualTo(later);
        assertThat(events(caseId, "FollowUpRescheduled")).hasSize(1);
    }

    @Test
    void follow_up_calls_are_scheduled_completed_missed_and_rescheduled_on_a_closed_case() {
        String caseId = openCaseWithoutOrder();
        resolveAndClose(caseId);

        String completed = scheduledFollowUp(caseId, inDays(1).toString());
        String missed = scheduledFollowUp(caseId, inDays(1).toString());
        accepted(followUpCommand(caseId, completed, "complete", Map.of("reached", true, "satisfaction", 5)));
        accepted(followUpCommand(caseId, missed, "miss", Map.of("reason", "no answer")));
        long version = accepted(followUpCommand(caseId, missed, "reschedule", Map.of("scheduledFor", inDays(2).toString())));

        JsonNode view = view(caseId, version);
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(followUp(view, completed).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(followUp(view, completed).get("satisfaction").asInt()).isEqualTo(5);
        assertThat(followUp(view, missed).get("status").asText()).isEqualTo("SCHEDULED");
    }

    @Test
    void resolving_a_complaint_schedules_a_follow_up_call_two_days_after_the_resolution() {
        String caseId = openCase(caseBody("COMPLAINT", null, null));

        long version = command(caseId, "resolve", Map.of("resolutionCode", "REPLACEMENT_SENT"));

        assertThat(version).as("resolved and follow-up scheduled").isEqualTo(2);
        JsonNode view = view(caseId, version);
        assertThat(view.get("followUps")).hasSize(1);
        JsonNode call = view.get("followUps").get(0);
        assertThat(call.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(call.get("automatic").asBoolean()).isTrue();
        assertThat(call.get("purpose").asText()).isNotBlank();
        Instant resolvedAt = Instant.parse(view.get("resolvedAt").asText());
        assertThat(Instant.parse(call.get("scheduledFor").asText())).isEqualTo(resolvedAt.plus(Duration.ofDays(2)));
        JsonNode scheduled = events(caseId, "FollowUpScheduled").get(0);
        assertThat(scheduled.get("actor").asText()).isEqualTo("system");
        assertThat(scheduled.get("sequence").asLong()).isEqualTo(2);
    }

    @Test
    void the_automatic_follow_up_after_a_complaint_is_completed_like_any_other_call() {
        String caseId = openCase(caseBody("COMPLAINT", null, null));
        long resolved = command(caseId, "resolve", Map.of("resolutionCode", "REPLACEMENT_SENT"));
        String followUpId = view(caseId, resolved).get("followUps").get(0).get("followUpId").asText();

        long version = accepted(followUpCommand(caseId, followUpId, "complete", Map.of("reached", true, "satisfaction", 3)));

        assertThat(followUp(view(caseId, version), followUpId).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void resolving_an_inquiry_schedules_no_follow_up_call() {
        String caseId = openCaseWithoutOrder();

        long version = command(caseId, "resolve", Map.of("resolutionCode", "ANSWERED"));

        assertThat(version).isEqualTo(1);
        assertThat(view(caseId, version).get("followUps")).isEmpty();
    }

    @Test
    void resolving_a_complaint_again_while_its_call_is_still_scheduled_adds_no_second_call() {
        String caseId = openCase(caseBody("COMPLAINT", null, null));
        command(caseId, "resolve", Map.of("resolutionCode", "REPLACEMENT_SENT"));
        command(caseId, "reopen", Map.of("reason", "still broken"));

        long version = command(caseId, "resolve", Map.of("resolutionCode", "REFUNDED"));

        assertThat(view(caseId, version).get("followUps")).hasSize(1);
        assertThat(events(caseId, "FollowUpScheduled")).hasSize(1);
    }

    @Test
    void the_worklist_lists_scheduled_calls_due_before_an_instant_earliest_first() {
        // far in the future, after every other test's calls; the test reads only its own calls
        Instant base = Instant.parse("2300-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextLong(0, 1_000_000), ChronoUnit.MINUTES);
        Instant dueBefore = base.plus(Duration.ofHours(4));
        String last = openCaseWithoutOrder();
        String first = openCaseWithoutOrder();
        String middle = openCaseWithoutOrder();
        String lastCall = scheduledFollowUp(last, base.plus(Duration.ofHours(3)).toString());
        String firstCall = scheduledFollowUp(first, base.plus(Duration.ofHours(1)).toString());
        String middleCall = scheduledFollowUp(middle, base.plus(Duration.ofHours(5)).toString());
        accepted(followUpCommand(middle, middleCall, "reschedule",
                Map.of("scheduledFor", base.plus(Duration.ofHours(2)).toString())));
        String dueExactlyThen = scheduledFollowUp(middle, dueBefore.toString());
        String done = scheduledFollowUp(first, base.plus(Duration.ofMinutes(90)).toString());
        accepted(followUpCommand(first, done, "complete", Map.of("reached", true)));
        awaitWorklist(Map.of(firstCall, "SCHEDULED", lastCall, "SCHEDULED", dueExactlyThen, "SCHEDULED", done, "COMPLETED",
                middleCall, "SCHEDULED@" + base.plus(Duration.ofHours(2))), base.plus(Duration.ofDays(1)));

        List<JsonNode> items = worklist("status=SCHEDULED&dueBefore=" + dueBefore,
                List.of(firstCall, middleCall, lastCall, dueExactlyThen, done));

        assertThat(items).extracting(item -> item.get("followUpId").asText())
                .containsExactly(firstCall, middleCall, lastCall);
        assertThat(items).extracting(item -> item.get("caseId").asText()).containsExactly(first, middle, last);
        assertThat(items).extracting(item -> Instant.parse(item.get("scheduledFor").asText()))
                .containsExactly(base.plus(Duration.ofHours(1)), base.plus(Duration.ofHours(2)), base.plus(Duration.ofHours(3)));
        assertThat(items).allSatisfy(item -> {
            assertThat(item.get("status").asText()).isEqualTo("SCHEDULED");
            assertThat(item.get("customerId").asText()).startsWith("aftersales-customer-");
            assertThat(item.get("caseStatus").asText()).isEqualTo("OPEN");
        });
    }

    @Test
    void the_worklist_lists_completed_calls_of_a_closed_case_when_asked_for_them() {
        Instant base = Instant.parse("2400-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextLong(0, 1_000_000), ChronoUnit.MINUTES);
        String caseId = openCaseWithoutOrder();
        resolveAndClose(caseId);
        String done = scheduledFollowUp(caseId, base.toString());
        String open = scheduledFollowUp(caseId, base.plus(Duration.ofMinutes(1)).toString());
        accepted(followUpCommand(caseId, done, "complete", Map.of("reached", true, "satisfaction", 5)));
        awaitWorklist(Map.of(done, "COMPLETED", open, "SCHEDULED"), base.plus(Duration.ofDays(1)));

        List<JsonNode> items = worklist("status=COMPLETED&dueBefore=" + base.plus(Duration.ofHours(1)), List.of(done, open));

        assertThat(items).extracting(item -> item.get("followUpId").asText()).containsExactly(done);
        assertThat(items.get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(items.get(0).get("caseStatus").asText()).isEqualTo("CLOSED");
    }

    // --- surveys ---

    @Test
    void csat_nps_and_servqual_answers_show_in_the_case_view() {
        String caseId = openCaseWithoutOrder();
        Map<String, Object> servqual = new LinkedHashMap<>();
        servqual.put("TANGIBLES", rating(5, 5));
        servqual.put("RELIABILITY", rating(6, 5));
        servqual.put("RESPONSIVENESS", rating(7, 4));
        servqual.put("ASSURANCE", rating(5, 6));
        servqual.put("EMPATHY", rating(4, 4));

        long version = accepted(post("/api/cases/" + caseId + "/surveys",
                Map.of("csat", 4, "nps", 9, "servqual", servqual)));

        assertThat(version).isEqualTo(1);
        JsonNode surveys = view(caseId, version).get("surveys");
        assertThat(surveys.get("csat").asInt()).isEqualTo(4);
        assertThat(surveys.get("nps").asInt()).isEqualTo(9);
        assertThat(surveys.get("servqual").get("RELIABILITY").get("expectation").asInt()).isEqualTo(6);
        assertThat(surveys.get("servqual").get("RELIABILITY").get("perception").asInt()).isEqualTo(5);
        assertThat(surveys.get("servqual").get("RESPONSIVENESS").get("perception").asInt()).isEqualTo(4);
        assertThat(surveys.get("servqual")).hasSize(5);
        assertThat(surveys.get("answers").asInt()).isEqualTo(1);
    }

    @Test
    void each_instrument_is_recorded_on_its_own() {
        String caseId = openCaseWithoutOrder();

        accepted(post("/api/cases/" + caseId + "/surveys", Map.of("nps", 0)));
        long version = accepted(post("/api/cases/" + caseId + "/surveys",
                Map.of("servqual", Map.of("EMPATHY", rating(7, 1)))));

        JsonNode surveys = view(caseId, version).get("surveys");
        assertThat(surveys.get("csat").isNull()).isTrue();
        assertThat(surveys.get("nps").asInt()).isZero();
        assertThat(surveys.get("servqual").get("EMPATHY").get("perception").asInt()).isEqualTo(1);
        assertThat(surveys.get("answers").asInt()).isEqualTo(2);
    }

    @Test
    void a_second_csat_answer_replaces_the_first_in_the_view_while_the_history_keeps_both() {
        String caseId = openCaseWithoutOrder();
        accepted(post("/api/cases/" + caseId + "/surveys", Map.of("csat", 2, "nps", 3)));

        long version = accepted(post("/api/cases/" + caseId + "/surveys", Map.of("csat", 5)));

        JsonNode surveys = view(caseId, version).get("surveys");
        assertThat(surveys.get("csat").asInt()).isEqualTo(5);
        assertThat(surveys.get("nps").asInt()).as("an instrument not answered again keeps its answer").isEqualTo(3);
        assertThat(surveys.get("answers").asInt()).isEqualTo(2);
        assertThat(events(caseId, "SurveyAnswered")).extracting(event -> event.get("payload").get("csat").asInt())
                .containsExactly(2, 5);
    }

    @Test
    void survey_answers_are_recorded_on_a_closed_case() {
        String caseId = openCaseWithoutOrder();
        resolveAndClose(caseId);

        long version = accepted(post("/api/cases/" + caseId + "/surveys", Map.of("csat", 5, "nps", 10)));

        JsonNode view = view(caseId, version);
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("surveys").get("csat").asInt()).isEqualTo(5);
        assertThat(view.get("surveys").get("nps").asInt()).isEqualTo(10);
    }

    /**
     * Sends two requests of 200.00 on {@code first} and {@code second} (both on {@code orderId}, which has room for
     * one of them) at the same instant, and checks that exactly one is recorded.
     */
    private void race(int race, String orderId, String first, String second) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
            for (String caseId : List.of(first, second)) {
                futures.add(clients.submit(() -> {
                    ready.countDown();
                    go.await();
                    return requestRefund(caseId, "REFUND_ONLY", "200.00");
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<ResponseEntity<String>> answers = List.of(futures.get(0).get(30, TimeUnit.SECONDS),
                    futures.get(1).get(30, TimeUnit.SECONDS));

            assertThat(answers).as("race %d", race).extracting(answer -> answer.getStatusCode().value())
                    .containsExactlyInAnyOrder(201, 409);
            int winnerIndex = answers.get(0).getStatusCode().value() == 201 ? 0 : 1;
            String winner = winnerIndex == 0 ? first : second;
            String loser = winnerIndex == 0 ? second : first;
            assertThat(problem(answers.get(1 - winnerIndex), 409).get("detail").asText()).as("race %d", race)
                    .contains(orderId);
            assertThat(events(winner, "RefundRequested")).as("race %d: winner's history", race).hasSize(1);
            assertThat(events(loser, "RefundRequested")).as("race %d: loser's history", race).isEmpty();
            long winnerVersion = json(answers.get(winnerIndex)).get("version").asLong();
            assertThat(view(winner, winnerVersion).get("refunds")).as("race %d: winner's view", race).hasSize(1);
            JsonNode loserView = view(loser, 0);
            assertThat(loserView.get("version").asLong()).as("race %d: loser's view", race).isZero();
            assertThat(loserView.get("refunds")).as("race %d: loser's view", race).isEmpty();
        } finally {
            clients.shutdownNow();
        }
    }

    private static boolean carriesMoney(String kind) {
        return kind.equals("REFUND_ONLY") || kind.equals("RETURN_AND_REFUND");
    }

    private static Map<String, Object> rating(int expectation, int perception) {
        return Map.of("expectation", expectation, "perception", perception);
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    /** The worklist's items among {@code ours}, in the worklist's order, read over every page. */
    private List<JsonNode> worklist(String query, List<String> ours) {
        List<JsonNode> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            ResponseEntity<String> response = get("/api/follow-ups?" + query + "&size=500&page=" + page);
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
            JsonNode items = json(response).get("items");
            items.forEach(item -> {
                if (ours.contains(item.get("followUpId").asText())) {
                    found.add(item);
                }
            });
            if (items.size() < 500) {
                return found;
            }
        }
    }

    /**
     * Waits until the worklist (a projection of its own, behind the commands for a moment) shows each call with
     * its expected state: a status, or "status@scheduledFor".
     */
    private void awaitWorklist(Map<String, String> expected, Instant dueBefore) {
        Instant deadline = Instant.now().plus(PROJECTION_WAIT);
        Map<String, String> seen = Map.of();
        while (Instant.now().isBefore(deadline)) {
            Map<String, String> states = new LinkedHashMap<>();
            for (JsonNode item : worklist("dueBefore=" + dueBefore, List.copyOf(expected.keySet()))) {
                String state = item.get("status").asText();
                String id = item.get("followUpId").asText();
                states.put(id, expected.get(id).contains("@")
                        ? state + "@" + Instant.parse(item.get("scheduledFor").asText()) : state);
            }
            seen = states;
            if (states.equals(expected)) {
                return;
            }
            sleep();
        }
        assertThat(seen).as("the worklist did not catch up").isEqualTo(expected);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
