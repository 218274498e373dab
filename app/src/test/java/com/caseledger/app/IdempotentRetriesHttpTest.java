package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.caseledger.app.ProblemAssertions.fields;
import static com.caseledger.app.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe retries with {@code Idempotency-Key}: a repeat answers the first answer and records nothing more, also when
 * the two arrive at once; the same key with another request is 409; a key is its sender's own. (A repeat across a
 * restart is in {@link RestartTest}.)
 */
class IdempotentRetriesHttpTest extends CaseLedgerHttpTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void a_retried_opening_answers_the_first_answer_and_opens_one_case() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = inquiry();
        long before = storedEvents();

        ResponseEntity<String> first = post("/api/cases", body, as("agent", "Idempotency-Key", key));
        ResponseEntity<String> repeat = post("/api/cases", body, as("agent", "Idempotency-Key", key));

        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        assertThat(repeat.getStatusCode().value()).isEqualTo(201);
        assertThat(repeat.getBody()).isEqualTo(first.getBody());
        assertThat(repeat.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(repeat.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
        assertThat(repeat.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(storedEvents()).as("one case opened").isEqualTo(before + 1);
    }

    @Test
    void the_same_body_with_its_keys_in_another_order_is_the_same_request() {
        String key = UUID.randomUUID().toString();
        String customer = customer();
        String body = "{\"type\":\"INQUIRY\",\"channel\":\"EMAIL\",\"customerId\":\"" + customer + "\",\"subject\":\"Hi\"}";
        String reordered = "{ \"subject\": \"Hi\", \"customerId\": \"" + customer + "\", \"channel\": \"EMAIL\", \"type\": \"INQUIRY\" }";

        ResponseEntity<String> first = post("/api/cases", body, "Idempotency-Key", key);
        ResponseEntity<String> repeat = post("/api/cases", reordered, "Idempotency-Key", key);

        assertThat(repeat.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void a_retried_reply_and_approval_are_recorded_once() {
        String caseId = openCase(inquiryOnOrder());
        String replyKey = UUID.randomUUID().toString();
        Map<String, Object> reply = Map.of("agentId", "agent", "body", "We are on it");

        ResponseEntity<String> first = post("/api/cases/" + caseId + "/replies", reply, as("agent", "Idempotency-Key", replyKey));
        ResponseEntity<String> repeat = post("/api/cases/" + caseId + "/replies", reply, as("agent", "Idempotency-Key", replyKey));

        assertThat(json(first).get("version").asLong()).isEqualTo(1);
        assertThat(repeat.getBody()).isEqualTo(first.getBody());

        ResponseEntity<String> requested = post("/api/cases/" + caseId + "/refunds", Map.of("kind", "REFUND_ONLY",
                "amount", Map.of("amount", "500.00", "currency", "CNY"), "reason", "broken"), as("agent"));
        String approve = "/api/cases/" + caseId + "/refunds/" + json(requested).get("refundId").asText() + "/approve";
        String approvalKey = UUID.randomUUID().toString();
        ResponseEntity<String> approved = post(approve, Map.of(), as("supervisor", "Idempotency-Key", approvalKey));
        ResponseEntity<String> approvedAgain = post(approve, Map.of(), as("supervisor", "Idempotency-Key", approvalKey));

        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
        assertThat(approvedAgain.getStatusCode().value()).as("not 409: the same approval, answered again").isEqualTo(200);
        assertThat(approvedAgain.getBody()).isEqualTo(approved.getBody());
        assertThat(types(caseId)).containsExactly("CaseOpened", "AgentReplied", "RefundRequested", "RefundApproved");
    }

    @Test
    void the_same_key_with_another_request_is_409_and_changes_nothing() {
        String key = UUID.randomUUID().toString();
        String caseId = json(post("/api/cases", inquiry(), "Idempotency-Key", key)).get("caseId").asText();
        long before = storedEvents();

        JsonNode otherBody = problem(post("/api/cases", inquiry(), "Idempotency-Key", key), 409);
        JsonNode otherPath = problem(post("/api/cases/" + caseId + "/notes", Map.of("agentId", "admin", "body", "x"),
                "Idempotency-Key", key), 409);

        assertThat(otherBody.get("type").asText()).endsWith("idempotency-key-reused");
        assertThat(otherPath.get("type").asText()).endsWith("idempotency-key-reused");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_key_is_its_senders_own() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = inquiry();

        String agents = json(post("/api/cases", body, as("agent", "Idempotency-Key", key))).get("caseId").asText();
        String supervisors = json(post("/api/cases", body, as("supervisor", "Idempotency-Key", key))).get("caseId").asText();

        assertThat(supervisors).isNotEqualTo(agents);
    }

    @Test
    void a_refused_command_takes_no_key_so_its_retry_is_judged_anew() {
        String caseId = openCase(inquiry());
        String key = UUID.randomUUID().toString();

        problem(post("/api/cases/" + caseId + "/close", Map.of(), "Idempotency-Key", key), 409);
        command(caseId, "resolve", Map.of("resolutionCode", "ANSWERED"));
        ResponseEntity<String> retried = post("/api/cases/" + caseId + "/close", Map.of(), "Idempotency-Key", key);

        assertThat(retried.getStatusCode().value()).as(retried.getBody()).isEqualTo(200);
        assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void a_malformed_key_is_refused_naming_the_header() {
        long before = storedEvents();

        JsonNode refused = problem(post("/api/cases", inquiry(), "Idempotency-Key", "two words"), 400);

        assertThat(fields(refused)).containsExactly("Idempotency-Key");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void two_repeats_at_once_run_the_command_once_and_both_get_its_answer() throws Exception {
        String caseId = openCase(inquiry());
        String key = UUID.randomUUID().toString();
        Map<String, Object> note = Map.of("agentId", "admin", "body", "Called the carrier");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String roundKey = key + "-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<ResponseEntity<String>>> answers = new ArrayList<>();
                for (int client = 0; client < 4; client++) {
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return RawHttp.send(port, "POST", "/api/cases/" + caseId + "/notes", write(note),
                                "Idempotency-Key", roundKey, "Authorization", basic("admin"));
                    }, clients));
                }
                start.countDown();
                List<String> bodies = new ArrayList<>();
                for (CompletableFuture<ResponseEntity<String>> answer : answers) {
                    ResponseEntity<String> response = answer.get();
                    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
                    bodies.add(response.getBody());
                }
                assertThat(bodies).as("every client got the one answer").containsOnly(bodies.get(0));
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(types(caseId)).as("five notes, one a round").hasSize(6);
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> types(String caseId) {
        List<String> types = new ArrayList<>();
        json(get("/api/cases/" + caseId + "/history")).forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    private long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
