package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the bad-input tests of cases and reports share: refused requests as a client sees them (the status, an
 * RFC 9457 problem of CaseLedger's own type naming what was wrong, each named field with its message, never a
 * 5xx) and the proof that nothing was recorded.
 */
abstract class BadInputHttpSupport extends CaseLedgerHttpTest {

    /** Asserts the status and an RFC 9457 body; answers the problem. 400s must list the fields in {@code errors}. */
    protected static JsonNode problem(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(response.getBody()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(response.getHeaders().getContentType().toString()).isTrue();
        JsonNode problem = json(response);
        assertThat(problem.get("type")).as(problem.toString()).isNotNull();
        assertThat(problem.get("type").asText()).isNotBlank().isNotEqualTo("about:blank");
        assertThat(problem.get("title")).as(problem.toString()).isNotNull();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status")).as(problem.toString()).isNotNull();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail")).as(problem.toString()).isNotNull();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.toString()).doesNotContain("Exception", "\"trace\"");
        if (status == 400) {
            assertThat(fields(problem)).as(problem.toString()).isNotEmpty();
        }
        return problem;
    }

    protected static void assertNames(JsonNode problem, String field) {
        assertThat(fields(problem)).as(problem.toString()).contains(field);
    }

    protected static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = problem.get("errors");
        if (errors != null && errors.isArray()) {
            errors.forEach(error -> {
                assertThat(error.get("message")).as(error.toString()).isNotNull();
                fields.add(error.get("field").asText());
            });
        }
        return fields;
    }

    protected int historyLength(String caseId) {
        ResponseEntity<String> response = get("/api/cases/" + caseId + "/history");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json(response).size();
    }

    /**
     * A refused opening has no case to read back, so the proof that nothing was recorded for the customer is that
     * once a valid case is opened for them and shows in the list, it is the only one there.
     */
    protected void assertOnlyTheNextCaseIsRecordedFor(String customerId) {
        String caseId = openCase(newCase(customerId));
        view(caseId, 0);

        ResponseEntity<String> response = get("/api/cases?customerId=" + customerId);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("caseId").asText()).isEqualTo(caseId);
    }

    protected static Map<String, Object> newCase(String customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "INQUIRY");
        body.put("channel", "EMAIL");
        body.put("customerId", customerId);
        body.put("subject", "Is this in stock?");
        return body;
    }
}
