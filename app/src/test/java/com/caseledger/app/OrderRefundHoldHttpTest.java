package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md: "The money refunded on one order never exceeds that order's amount." Every money request holds its
 * amount on its order, across all cases of the order, until it is rejected or fails; issued money stays held; two
 * requests at the same instant never both fit.
 */
class OrderRefundHoldHttpTest extends AfterSalesHttpSupport {

    private static final int RACES = 5;

    // --- the order amount is the limit ---

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

    // --- what the hold gives back, and what it keeps ---

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

    // --- simultaneous requests ---

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
}
