package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document says what the server does. Every HTTP test's answers are checked against it (see
 * {@link ServedApiDocument}); these tests pin the parts client generators depend on most.
 */
class OpenApiHttpTest extends CaseLedgerHttpTest {

    private static final String REFUNDS = "/api/cases/{caseId}/refunds";

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

    @Test
    void money_is_a_decimal_string_and_a_three_letter_currency() {
        JsonNode money = schema(api(), "Money");

        JsonNode amount = money.path("properties").path("amount");
        assertThat(amount.path("type").asText()).isEqualTo("string");
        String pattern = amount.path("pattern").asText();
        assertThat("12.50").matches(pattern);
        assertThat("7").matches(pattern);
        assertThat("0.01").matches(pattern);
        for (String refused : List.of("0", "0.00", "-1.00", "12.505", "1e3", "12,50", "1234567890123456")) {
            assertThat(refused).as(refused).doesNotMatch(pattern);
        }
        String currency = money.path("properties").path("currency").path("pattern").asText();
        assertThat("CNY").matches(currency);
        assertThat("cny").doesNotMatch(currency);
        assertThat(texts(money.path("required"))).containsExactlyInAnyOrder("amount", "currency");
    }

    @Test
    void the_text_rules_are_patterns_a_client_can_check() {
        JsonNode openCase = schema(api(), "OpenCaseRequest").path("properties");

        String customerId = openCase.path("customerId").path("pattern").asText();
        assertThat("cust-42").matches(customerId);
        for (String refused : List.of("cust\t42", "cust\n42", "nul\u0000cust", " ", "")) {
            assertThat(refused).as(refused).doesNotMatch(customerId);
        }
        String subject = openCase.path("subject").path("pattern").asText();
        assertThat("Kettle\r\n\tarrived broken").matches(subject);
        for (String refused : List.of("bell\u0007", "esc\u001b[31m", "c1\u0085", " \n\t")) {
            assertThat(refused).as(refused).doesNotMatch(subject);
        }
        assertThat(openCase.path("subject").path("minLength").asInt()).isEqualTo(1);

        JsonNode list = api().path("paths").path("/api/cases").path("get");
        JsonNode customerFilter = parameter(list, "customerId").path("schema");
        assertThat(customerFilter.path("minLength").asInt()).isEqualTo(1);
        assertThat("nul\u0000cust").doesNotMatch(customerFilter.path("pattern").asText());
    }

    @Test
    void requesting_a_refund_answers_201_with_a_location_or_a_problem_json_409() {
        JsonNode responses = api().path("paths").path(REFUNDS).path("post").path("responses");

        assertThat(responses.has("200")).isFalse();
        assertThat(responses.path("201").path("headers").path("Location").path("required").asBoolean()).isTrue();
        assertThat(responses.path("201").path("content").path("application/json").path("schema").path("$ref").asText())
                .endsWith("/RefundAnswer");
        for (String status : List.of("400", "404", "406", "409", "415")) {
            assertThat(responses.path(status).path("content").path("application/problem+json").path("schema")
                    .path("$ref").asText()).as(status).endsWith("/ProblemDetail");
        }
    }

    @Test
    void a_problem_has_its_rfc_9457_members_and_the_refused_fields() {
        JsonNode api = api();
        JsonNode problem = schema(api, "ProblemDetail");

        assertThat(texts(problem.path("required"))).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(problem.path("properties").path("errors").path("items").path("$ref").asText()).endsWith("/FieldError");
        assertThat(texts(schema(api, "FieldError").path("required"))).containsExactlyInAnyOrder("field", "message");
        JsonNode view = api.path("paths").path("/api/cases/{caseId}").path("get").path("responses");
        assertThat(view.path("503").path("headers").has("Retry-After")).isTrue();
        assertThat(view.path("503").path("content").findValue("$ref").asText()).endsWith("/ProblemDetail");
        JsonNode report = api.path("paths").path("/api/reports/service-levels").path("get").path("responses");
        assertThat(report.path("200").path("content").has("text/csv")).isTrue();
        assertThat(report.path("200").path("content").has("application/json")).isTrue();
    }

    @Test
    void the_case_view_says_which_fields_can_be_null() {
        JsonNode api = api();
        JsonNode view = schema(api, "CaseView").path("properties");

        for (String field : List.of("agentId", "team", "description", "orderId", "firstReplyAt", "firstResolvedAt",
                "resolvedAt", "closedAt", "escalationLevel", "firstReplySeconds", "firstResolutionSeconds",
                "fullResolutionSeconds", "requesterWaitSeconds")) {
            assertThat(view.path(field).path("nullable").asBoolean()).as(field).isTrue();
        }
        for (String field : List.of("caseId", "version", "type", "status", "customerId", "subject", "openedAt")) {
            assertThat(view.path(field).path("nullable").asBoolean()).as(field).isFalse();
        }
        JsonNode orderAmount = view.path("orderAmount");
        assertThat(orderAmount.path("nullable").asBoolean()).isTrue();
        assertThat(orderAmount.path("anyOf").get(0).path("$ref").asText()).endsWith("/Money");
        assertThat(schema(api, "RefundView").path("properties").path("amount").path("nullable").asBoolean()).isTrue();
        assertThat(schema(api, "FollowUpView").path("properties").path("satisfaction").path("nullable").asBoolean()).isTrue();
        assertThat(schema(api, "DurationSummary").path("properties").path("meanSeconds").path("nullable").asBoolean())
                .isTrue();
    }

    @Test
    void the_limits_the_server_enforces_are_declared() {
        JsonNode api = api();

        JsonNode open = schema(api, "OpenCaseRequest");
        assertThat(texts(open.path("required"))).containsExactlyInAnyOrder("type", "channel", "customerId", "subject");
        assertThat(open.path("properties").path("subject").path("minLength").asInt()).isEqualTo(1);
        assertThat(open.path("properties").path("subject").path("maxLength").asInt()).isEqualTo(500);
        JsonNode survey = schema(api, "SurveyRequest").path("properties");
        assertThat(survey.path("csat").path("minimum").asInt()).isEqualTo(1);
        assertThat(survey.path("csat").path("maximum").asInt()).isEqualTo(5);
        assertThat(survey.path("nps").path("minimum").asInt()).isZero();
        assertThat(survey.path("nps").path("maximum").asInt()).isEqualTo(10);
        assertThat(survey.path("servqual").path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(survey.path("servqual").path("properties").has("RELIABILITY")).isTrue();
        JsonNode servqual = schema(api, "ServqualAnswer").path("properties").path("expectation");
        assertThat(servqual.path("minimum").asInt()).isEqualTo(1);
        assertThat(servqual.path("maximum").asInt()).isEqualTo(7);
        JsonNode size = parameter(api.path("paths").path("/api/cases").path("get"), "size").path("schema");
        assertThat(size.path("minimum").asInt()).isEqualTo(1);
        assertThat(size.path("maximum").asInt()).isEqualTo(200);
        JsonNode groupBy = parameter(api.path("paths").path("/api/reports/service-levels").path("get"), "groupBy");
        assertThat(texts(groupBy.path("schema").path("enum"))).contains("day", "channel", "agent");
        JsonNode slaStatus = parameter(api.path("paths").path("/api/cases").path("get"), "slaStatus");
        assertThat(texts(slaStatus.path("schema").path("enum")))
                .containsExactly("ACTIVE", "PAUSED", "MET", "BREACHED");
        JsonNode sort = parameter(api.path("paths").path("/api/cases").path("get"), "sort");
        assertThat(texts(sort.path("schema").path("enum"))).containsExactly("opened", "slaDue");
    }

    @Test
    void an_answer_the_client_cannot_accept_is_a_documented_406() {
        String caseId = openCase(Map.of("type", "INQUIRY", "channel", "EMAIL", "customerId", customer(), "subject", "Size?"));
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_XML));

        ResponseEntity<String> response = exchange(HttpMethod.GET, "/api/cases/" + caseId + "/history",
                new HttpEntity<>(headers));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(406);
    }

    @Test
    void a_body_that_is_not_json_is_a_documented_415() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);

        ResponseEntity<String> response = exchange(HttpMethod.POST, "/api/cases", new HttpEntity<>("open a case", headers));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(415);
    }

    @Test
    void a_version_beyond_the_cases_latest_event_is_a_documented_404_answered_at_once() {
        String caseId = openCase(Map.of("type", "INQUIRY", "channel", "EMAIL", "customerId", customer(), "subject", "Size?"));
        long started = System.nanoTime();

        ResponseEntity<String> response = get("/api/cases/" + caseId + "?minVersion=" + Long.MAX_VALUE);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json(response).get("detail").asText()).contains("latest recorded version is 0");
        assertThat(System.nanoTime() - started).as("answered without waiting for the view").isLessThan(3_000_000_000L);
    }

    @Test
    void an_answer_the_document_does_not_describe_is_reported() {
        String path = "/api/cases/" + UUID.randomUUID();

        assertThat(ServedApiDocument.violations(http, HttpMethod.GET, path,
                ResponseEntity.status(418).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("{}"))).isNotEmpty();
        assertThat(ServedApiDocument.violations(http, HttpMethod.GET, path,
                ResponseEntity.status(404).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"type\": \"urn:caseledger:problem:not-found\", \"title\": \"Not found\", \"status\": 404,"
                                + " \"detail\": \"No case\"}"))).isNotEmpty();
        assertThat(ServedApiDocument.violations(http, HttpMethod.GET, path,
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("{\"caseId\": null}"))).isNotEmpty();
        assertThat(ServedApiDocument.violations(http, HttpMethod.GET, "/api/no-such-resource",
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("{}"))).isNotEmpty();
        assertThat(ServedApiDocument.violations(http, HttpMethod.DELETE, path,
                ResponseEntity.noContent().build())).isNotEmpty();
        assertThat(ServedApiDocument.violations(http, HttpMethod.GET, path,
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("{\"caseId\": \"c\", \"agentId\": null}")))
                .isEmpty();
    }

    private JsonNode api() {
        ResponseEntity<String> response = get(ServedApiDocument.PATH);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode schema(JsonNode api, String name) {
        JsonNode schema = api.path("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as(name).isFalse();
        return schema;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
