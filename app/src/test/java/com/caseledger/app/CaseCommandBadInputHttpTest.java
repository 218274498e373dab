package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands on a case that are refused: malformed or incomplete (400), on an unknown case (404), forbidden by the
 * case's status (409), or with an occurredAt in the future, badly written (400) or before the case's latest event
 * (409). The case's history stays as it was.
 */
class CaseCommandBadInputHttpTest extends BadInputHttpSupport {

    @Test
    void malformed_json_on_a_command_is_refused_with_400_and_records_nothing() {
        String caseId = openCase(newCase(customer()));
        int recorded = historyLength(caseId);

        ResponseEntity<String> response = post("/api/cases/" + caseId + "/replies", "{\"agentId\": \"a1\", \"body\": ");

        problem(response, 400);
        assertThat(historyLength(caseId)).isEqualTo(recorded);
    }

    @Test
    void a_command_missing_a_required_field_is_refused_with_400_naming_it_and_records_nothing() {
        String caseId = openCase(newCase(customer()));
        int recorded = historyLength(caseId);

        JsonNode problem = problem(post("/api/cases/" + caseId + "/replies", Map.of("body", "Hello")), 400);

        assertNames(problem, "agentId");
        assertThat(historyLength(caseId)).isEqualTo(recorded);
    }

    @Test
    void a_command_on_an_unknown_case_is_refused_with_404() {
        String unknown = UUID.randomUUID().toString();

        JsonNode problem = problem(post("/api/cases/" + unknown + "/replies",
                Map.of("agentId", agent(), "body", "Hello?")), 404);

        assertThat(problem.get("detail").asText()).contains(unknown);
        problem(get("/api/cases/" + unknown + "/history"), 404);
    }

    @Test
    void resolving_a_resolved_case_is_refused_with_409_and_records_nothing() {
        String caseId = openCase(newCase(customer()));
        command(caseId, "resolve", Map.of("resolutionCode", "ANSWERED"));
        int recorded = historyLength(caseId);

        JsonNode problem = problem(post("/api/cases/" + caseId + "/resolve", Map.of("resolutionCode", "AGAIN")), 409);

        assertThat(problem.get("detail").asText()).contains("RESOLVED");
        assertThat(historyLength(caseId)).isEqualTo(recorded);
    }

    @Test
    void replying_on_a_closed_case_is_refused_with_409_and_records_nothing() {
        String caseId = openCase(newCase(customer()));
        command(caseId, "resolve", Map.of("resolutionCode", "ANSWERED"));
        command(caseId, "close", Map.of());
        int recorded = historyLength(caseId);

        JsonNode problem = problem(post("/api/cases/" + caseId + "/replies",
                Map.of("agentId", agent(), "body", "One more thing")), 409);

        assertThat(problem.get("detail").asText()).contains("CLOSED");
        assertThat(historyLength(caseId)).isEqualTo(recorded);
    }

    @Test
    void an_occurred_at_in_the_future_on_a_command_is_refused_with_400_naming_it_and_records_nothing() {
        String caseId = openCase(newCase(customer()));
        int recorded = historyLength(caseId);

        JsonNode problem = problem(post("/api/cases/" + caseId + "/replies", Map.of("agentId", agent(), "body", "Hi",
                "occurredAt", Instant.now().plusSeconds(3600).toString())), 400);

        assertNames(problem, "occurredAt");
        assertThat(historyLength(caseId)).isEqualTo(recorded);
    }

    @Test
    void an_occurred_at_before_the_cases_latest_event_is_refused_with_409_naming_it_and_records_nothing() {
        Map<String, Object> body = newCase(customer());
        body.put("occurredAt", "2021-08-02T09:00:00Z");
        String caseId = openCase(body);
        command(caseId, "replies", Map.of("agentId", agent(), "body", "Hi", "occurredAt", "2021-08-02T10:00:00Z"));
        int recorded = historyLength(caseId);

        JsonNode problem = problem(post("/api/cases/" + caseId + "/resolve",
                Map.of("resolutionCode", "ANSWERED", "occurredAt", "2021-08-02T09:59:59Z")), 409);

        assertNames(problem, "occurredAt");
        assertThat(historyLength(caseId)).isEqualTo(recorded);
    }

    @Test
    void a_badly_written_occurred_at_is_refused_with_400_naming_it_and_records_nothing() {
        String caseId = openCase(newCase(customer()));
        int recorded = historyLength(caseId);

        JsonNode problem = problem(post("/api/cases/" + caseId + "/notes",
                Map.of("agentId", agent(), "body", "x", "occurredAt", "yesterday")), 400);

        assertNames(problem, "occurredAt");
        assertThat(historyLength(caseId)).isEqualTo(recorded);
    }
}
