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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A follow-up call on a case: scheduled for a time, then COMPLETED (reached; may carry a satisfaction score and
 * notes), MISSED, or rescheduled, also after the case is closed. A call in the past (unless backfilled), a score
 * outside 1..5 or a step on a finished or unknown call is refused and records nothing.
 */
class FollowUpCallsHttpTest extends AfterSalesHttpSupport {

    // --- schedule, complete, miss, reschedule ---

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

    // --- refused calls and steps ---

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
}
