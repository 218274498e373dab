package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiHttpTest extends CaseLedgerHttpTest {

    @Test
    void the_api_is_published_as_openapi_3_with_every_case_endpoint() {
        ResponseEntity<String> response = get("/v3/api-docs");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode api = json(response);
        assertThat(api.get("openapi").asText()).startsWith("3.");
        JsonNode paths = api.get("paths");
        for (String action : new String[]{"customer-messages", "replies", "notes", "assign", "prioritize", "escalate",
                "await-customer", "resolve", "reopen", "close"}) {
            assertThat(paths.has("/api/cases/{caseId}/" + action)).as(action).isTrue();
        }
        assertThat(paths.get("/api/cases").has("post")).isTrue();
        assertThat(paths.get("/api/cases").has("get")).isTrue();
        assertThat(paths.has("/api/cases/{caseId}")).isTrue();
        assertThat(paths.has("/api/cases/{caseId}/history")).isTrue();
        assertThat(paths.has("/api/cases/{caseId}/state")).isTrue();
        assertThat(paths.has("/api/reports/service-levels")).isTrue();
    }

    @Test
    void swagger_ui_is_served() {
        ResponseEntity<String> response = get("/swagger-ui/index.html");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("Swagger UI");
    }
}
