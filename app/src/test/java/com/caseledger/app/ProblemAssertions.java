package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static com.caseledger.app.CaseLedgerHttpTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What every refused request must look like to a client: RFC 9457 problem+json, naming the fields for a 400. */
final class ProblemAssertions {

    private ProblemAssertions() {
    }

    static JsonNode problem(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(response.getBody()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(response.getHeaders().getContentType().toString()).isTrue();
        JsonNode problem = json(response);
        for (String member : List.of("type", "title", "status", "detail")) {
            assertThat(problem.get(member)).as(member + " in " + problem).isNotNull();
        }
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.toString()).doesNotContain("Exception", "\"trace\"");
        if (status == 400) {
            assertThat(fields(problem)).as(problem.toString()).isNotEmpty();
        }
        return problem;
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
