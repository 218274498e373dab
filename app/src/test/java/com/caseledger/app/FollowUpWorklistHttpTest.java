package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up worklist (GET /api/follow-ups): the calls of a status due before an instant, earliest first, over
 * every case, also the closed ones. All test classes share the worklist, so each test schedules its calls far in
 * the future at a random minute and reads only its own calls.
 */
class FollowUpWorklistHttpTest extends AfterSalesHttpSupport {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);

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

    @Test
    void the_worklist_refuses_an_unknown_status_and_a_malformed_instant() {
        assertThat(fields(problem(get("/api/follow-ups?status=LATE"), 400))).contains("status");
        assertThat(fields(problem(get("/api/follow-ups?dueBefore=soon"), 400))).contains("dueBefore");
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
