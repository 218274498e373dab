package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resolved COMPLAINT gets an automatic follow-up call, scheduled by the system two days after the resolution;
 * an inquiry gets none, and a complaint resolved again while its call is still scheduled gets no second one.
 */
class AutomaticFollowUpCallHttpTest extends AfterSalesHttpSupport {

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
}
