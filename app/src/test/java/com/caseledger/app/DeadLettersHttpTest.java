package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection that fails on a case parks that case's events in the dead-letter queue and goes on with every other
 * case; an administrator lists the parked cases with the error, retries one once the fault is mended, or evicts one.
 */
class DeadLettersHttpTest extends CaseLedgerHttpTest {

    private static final String DEAD_LETTERS = "/api/admin/dead-letters";

    @Autowired
    private PoisonedCustomers poison;

    @Test
    void a_poisoned_case_is_parked_while_the_others_stay_live_and_a_retry_after_the_fix_clears_it() throws Exception {
        Map<String, Object> poisonedCase = inquiry();
        String poisoned = (String) poisonedCase.get("customerId");
        String parkedCase = openCase(poisonedCase);
        assertThat(view(parkedCase, 0).get("behind").asBoolean()).isFalse();

        poison.poison(poisoned);
        try {
            long noted = command(parkedCase, "notes", Map.of("agentId", agent(), "body", "Carrier says Tuesday."));
            String liveCase = openCase(inquiry());
            long replied = command(liveCase, "replies", Map.of("agentId", agent(), "body", "We are on it"));

            JsonNode live = view(liveCase, replied);
            assertThat(live.get("replies").asInt()).isEqualTo(1);
            assertThat(live.get("behind").asBoolean()).isFalse();

            JsonNode parked = awaitParked(parkedCase, letters -> letters.size() == 1);
            JsonNode letter = parked.get("events").get(0);
            assertThat(letter.get("eventType").asText()).isEqualTo("InternalNoteAdded");
            assertThat(letter.get("sequenceNumber").asLong()).isEqualTo(noted);
            assertThat(letter.get("globalIndex").asLong()).isPositive();
            assertThat(letter.get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
            assertThat(letter.get("causeMessage").asText()).contains("refuses case " + parkedCase);
            assertThat(letter.get("enqueuedAt").asText()).isNotBlank();

            JsonNode behind = json(get("/api/cases/" + parkedCase));
            assertThat(behind.get("version").asLong()).isZero();
            assertThat(behind.get("behind").asBoolean()).isTrue();
            assertThat(behind.get("notes").asInt()).isZero();
            assertThat(listedBehind(poisoned)).containsExactly(true);
            assertThat(listedBehind(live.get("customerId").asText())).containsExactly(false);

            // a parked case's view will not catch up by waiting: 503 at once (read past the no-5xx check)
            String path = "/api/cases/" + parkedCase + "?minVersion=" + noted;
            long started = System.nanoTime();
            ResponseEntity<String> unavailable = RawHttp.send(port, "GET", path, null);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(unavailable.getStatusCode().value()).as(unavailable.getBody()).isEqualTo(503);
            assertThat(unavailable.getHeaders().getFirst("Retry-After")).isNotBlank();
            assertThat(unavailable.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(json(unavailable).get("detail").asText()).contains("dead-letter queue");
            assertThat(ServedApiDocument.violations(http, HttpMethod.GET, path, unavailable)).isEmpty();

            long resolved = command(parkedCase, "resolve", Map.of("resolutionCode", "ANSWERED"));
            JsonNode both = awaitParked(parkedCase, letters -> letters.size() == 2);
            assertThat(both.get("events").get(1).get("eventType").asText()).isEqualTo("CaseResolved");
            assertThat(both.get("events").get(1).get("sequenceNumber").asLong()).isEqualTo(resolved);
            assertThat(both.get("events").get(1).get("causeType").isNull()).isTrue();

            JsonNode stillParked = json(post(DEAD_LETTERS + "/" + parkedCase + "/retry", null));
            assertThat(stillParked.get("cleared").asBoolean()).isFalse();
            assertThat(stillParked.get("parked").get("events").get(0).get("causeMessage").asText())
                    .contains("refuses case " + parkedCase);
            assertThat(stillParked.get("parked").get("events")).hasSize(2);

            poison.cure(poisoned);
            ResponseEntity<String> retried = post(DEAD_LETTERS + "/" + parkedCase + "/retry", null);
            assertThat(retried.getStatusCode().value()).as(retried.getBody()).isEqualTo(200);
            assertThat(json(retried).get("cleared").asBoolean()).isTrue();

            JsonNode caughtUp = view(parkedCase, resolved);
            assertThat(caughtUp.get("notes").asInt()).isEqualTo(1);
            assertThat(caughtUp.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(caughtUp.get("behind").asBoolean()).isFalse();
            assertThat(listedBehind(poisoned)).containsExactly(false);
            assertThat(parkedCase(parkedCase)).isEmpty();
            assertThat(post(DEAD_LETTERS + "/" + parkedCase + "/retry", null).getStatusCode().value()).isEqualTo(404);

            long later = command(parkedCase, "reopen", Map.of("reason", "still broken"));
            assertThat(view(parkedCase, later).get("status").asText()).isEqualTo("OPEN");
        } finally {
            poison.cure(poisoned);
        }
    }

    @Test
    void an_evicted_case_leaves_the_queue_and_its_view_stays_without_the_evicted_events() throws Exception {
        Map<String, Object> body = inquiry();
        String customerId = (String) body.get("customerId");
        poison.poison(customerId);
        try {
            String caseId = openCase(body);
            awaitParked(caseId, letters -> letters.size() == 1);

            ResponseEntity<String> evicted = delete(DEAD_LETTERS + "/" + caseId);
            assertThat(evicted.getStatusCode().value()).as(evicted.getBody()).isEqualTo(204);
            assertThat(parkedCase(caseId)).isEmpty();
            assertThat(get("/api/cases/" + caseId).getStatusCode().value()).isEqualTo(404);
            assertThat(delete(DEAD_LETTERS + "/" + caseId).getStatusCode().value()).isEqualTo(404);
        } finally {
            poison.cure(customerId);
        }
    }

    @Test
    void only_an_admin_sees_the_dead_letters() {
        assertThat(get(DEAD_LETTERS, as("agent")).getStatusCode().value()).isEqualTo(403);
        assertThat(get(DEAD_LETTERS).getStatusCode().value()).isEqualTo(200);
    }

    private Optional<JsonNode> parkedCase(String caseId) {
        ResponseEntity<String> response = get(DEAD_LETTERS);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        for (JsonNode parked : json(response)) {
            if (parked.get("caseId").asText().equals(caseId)) {
                return Optional.of(parked);
            }
        }
        return Optional.empty();
    }

    private JsonNode awaitParked(String caseId, Predicate<JsonNode> letters) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Optional<JsonNode> parked = parkedCase(caseId);
        while (parked.map(found -> !letters.test(found.get("events"))).orElse(true) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            parked = parkedCase(caseId);
        }
        assertThat(parked).as("case " + caseId + " parked as expected").isPresent();
        assertThat(letters.test(parked.get().get("events"))).as(parked.get().toString()).isTrue();
        return parked.get();
    }
}
