package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static com.caseledger.app.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error is problem+json, also the ones Tomcat answers itself, and an answer never echoes a huge input. */
class ErrorContractHttpTest extends CaseLedgerHttpTest {

    @Test
    void an_encoded_slash_in_a_path_is_answered_as_problem_json_not_an_html_page() {
        ResponseEntity<String> response = RawHttp.send(port, "GET", "/api/cases/a%2Fb/history", null);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(400);
        assertThat(response.getBody()).doesNotContain("<html", "Tomcat");
    }

    @Test
    void an_oversized_header_is_answered_as_problem_json_not_an_html_page() {
        ResponseEntity<String> response = RawHttp.send(port, "GET", "/api/cases", null, "X-Padding", "a".repeat(20_000));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).doesNotContain("<html", "Tomcat");
    }

    @Test
    void a_body_larger_than_any_request_needs_is_refused_with_413_and_nothing_recorded() {
        String caseId = openCase(Map.of("type", "INQUIRY", "channel", "WEB", "customerId", customer(), "subject", "Hi"));
        String huge = "{\"agentId\":\"a-1\",\"body\":\"" + "x".repeat(300 * 1024) + "\"}";

        ResponseEntity<String> declared = RawHttp.send(port, "POST", "/api/cases/" + caseId + "/notes", huge);

        JsonNode problem = problem(declared, 413);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("$");
        assertThat(json(get("/api/cases/" + caseId + "/history"))).hasSize(1);
    }

    @Test
    void a_body_sent_without_a_length_is_counted_too() {
        String caseId = openCase(Map.of("type", "INQUIRY", "channel", "WEB", "customerId", customer(), "subject", "Hi"));
        String chunk = "x".repeat(300 * 1024);
        String body = "{\"agentId\":\"a-1\",\"body\":\"" + chunk + "\"}";
        String head = "POST /api/cases/" + caseId + "/notes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + RawHttp.ADMIN_AUTHORIZATION_LINE
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";

        String answer = RawHttp.exchange(port, (head + chunked).getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
        assertThat(json(get("/api/cases/" + caseId + "/history"))).hasSize(1);
    }

    @Test
    void a_7_kb_case_id_is_refused_without_being_echoed_back() {
        String hugeId = "x".repeat(7_000);

        ResponseEntity<String> response = get("/api/cases/" + hugeId);

        JsonNode problem = problem(response, 400);
        assertThat(response.getBody().length()).isLessThan(1_000);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("caseId");
    }

    @Test
    void a_command_to_a_huge_sub_resource_id_is_refused_without_being_echoed_back() {
        String caseId = openCase(Map.of("type", "INQUIRY", "channel", "WEB", "customerId", customer(), "subject", "Hi"));

        ResponseEntity<String> response = post("/api/cases/" + caseId + "/refunds/" + "r".repeat(7_000) + "/issue",
                Map.of("paymentReference", "PAY-1"));

        problem(response, 400);
        assertThat(response.getBody().length()).isLessThan(1_000);
    }
}
