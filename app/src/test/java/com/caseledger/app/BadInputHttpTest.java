package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refused requests as a client sees them: the status, an RFC 9457 problem naming what was wrong, nothing
 * recorded, and never a 5xx.
 */
class BadInputHttpTest extends CaseLedgerHttpTest {

    // --- opening a case ---

    @Test
    void malformed_json_is_refused_with_400() {
        String customerId = customer();

        ResponseEntity<String> response = post("/api/cases",
                "{\"type\": \"INQUIRY\", \"channel\": \"EMAIL\", \"customerId\": \"" + customerId + "\",");

        problem(response, 400);
        assertOnlyTheNextCaseIsRecordedFor(customerId);
    }

    @Test
    void malformed_json_on_a_command_is_refused_with_400_and_records_nothing() {
        String caseId = openCase(newCase(customer()));
        int recorded = historyLength(caseId);

        ResponseEntity<String> response = post("/api/cases/" + caseId + "/replies", "{\"agentId\": \"a1\", \"body\": ");

        problem(response, 400);
        assertThat(historyLength(caseId)).isEqualTo(recorded);
    }

    @Test
    void a_missing_required_field_is_refused_with_400_naming_it() {
        Map<String, Object> body = newCase(customer());
        body.remove("customerId");

        JsonNode problem = problem(post("/api/cases", body), 400);

        assertNames(problem, "customerId");
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
    void an_unknown_enum_value_is_refused_with_400_naming_the_field() {
        String customerId = customer();
        Map<String, Object> body = newCase(customerId);
        body.put("channel", "CARRIER_PIGEON");

        JsonNode problem = problem(post("/api/cases", body), 400);

        assertNames(problem, "channel");
        assertOnlyTheNextCaseIsRecordedFor(customerId);
    }

    @ParameterizedTest(name = "orderAmount {0}")
    @ValueSource(strings = {
            "{\"amount\": \"12.345\", \"currency\": \"CNY\"}",
            "{\"amount\": \"-5.00\", \"currency\": \"CNY\"}",
            "{\"amount\": \"0\", \"currency\": \"CNY\"}",
            "{\"amount\": \"twelve\", \"currency\": \"CNY\"}",
            "{\"amount\": \"12.50\", \"currency\": \"XYZ\"}",
            "{\"amount\": \"12.50\"}",
            "{\"currency\": \"CNY\"}",
            "\"12.50 CNY\""})
    void a_bad_money_in_order_amount_is_refused_with_400_naming_it(String orderAmount) {
        String customerId = customer();
        String body = "{\"type\": \"COMPLAINT\", \"channel\": \"WEB\", \"customerId\": \"" + customerId
                + "\", \"subject\": \"Refund please\", \"orderId\": \"order-1\", \"orderAmount\": " + orderAmount + "}";

        JsonNode problem = problem(post("/api/cases", body), 400);

        assertThat(fields(problem)).as(problem.toString()).anySatisfy(field -> assertThat(field).startsWith("orderAmount"));
        assertOnlyTheNextCaseIsRecordedFor(customerId);
    }

    @Test
    void an_occurred_at_in_the_future_on_opening_is_refused_with_400_naming_it() {
        String customerId = customer();
        Map<String, Object> body = newCase(customerId);
        body.put("occurredAt", Instant.now().plusSeconds(3600).toString());

        JsonNode problem = problem(post("/api/cases", body), 400);

        assertNames(problem, "occurredAt");
        assertOnlyTheNextCaseIsRecordedFor(customerId);
    }

    // --- commands on a case ---

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

    // --- queries ---

    @Test
    void a_bad_status_in_the_case_list_filter_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/cases?status=SLEEPING"), 400);

        assertNames(problem, "status");
    }

    @ParameterizedTest(name = "size={0}")
    @ValueSource(ints = {0, -1, 201, 500})
    void a_page_size_outside_1_to_200_is_refused_with_400_naming_it(int size) {
        JsonNode problem = problem(get("/api/cases?size=" + size), 400);

        assertNames(problem, "size");
    }

    @Test
    void a_negative_page_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/cases?page=-1"), 400);

        assertNames(problem, "page");
    }

    @Test
    void an_opening_period_that_ends_before_it_starts_is_refused_with_400() {
        JsonNode problem = problem(get("/api/cases?openedFrom=2021-08-02T00:00:00Z&openedTo=2021-08-01T00:00:00Z"), 400);

        assertThat(fields(problem)).containsAnyOf("openedFrom", "openedTo");
    }

    @Test
    void an_opening_period_beyond_the_storable_range_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/cases?openedFrom=-1000000000-01-01T00:00:00Z"), 400);

        assertNames(problem, "openedFrom");
    }

    @Test
    void an_unknown_group_by_on_the_service_level_report_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/reports/service-levels?groupBy=weather"), 400);

        assertNames(problem, "groupBy");
    }

    @Test
    void an_unknown_time_zone_on_the_service_level_report_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/reports/service-levels?groupBy=day&tz=Mars/Olympus_Mons"), 400);

        assertNames(problem, "tz");
    }

    @Test
    void a_report_period_whose_from_is_after_its_to_is_refused_with_400() {
        JsonNode problem = problem(get("/api/reports/service-levels?from=2021-08-02T00:00:00Z&to=2021-08-01T00:00:00Z"), 400);

        assertThat(fields(problem)).containsAnyOf("from", "to");
    }

    @Test
    void a_badly_written_report_period_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/reports/service-levels?from=last-monday"), 400);

        assertNames(problem, "from");
    }

    @Test
    void a_report_period_beyond_the_storable_range_is_refused_with_400_naming_it() {
        JsonNode problem = problem(get("/api/reports/service-levels?from=-1000000000-01-01T00:00:00Z"
                + "&to=2021-01-01T00:00:00Z"), 400);

        assertNames(problem, "from");
    }

    @Test
    void a_bad_as_of_is_refused_with_400_naming_it() {
        String caseId = openCase(newCase(customer()));

        assertNames(problem(get("/api/cases/" + caseId + "/state?asOf=yesterday"), 400), "asOf");
        assertNames(problem(get("/api/cases/" + caseId + "/state"), 400), "asOf");
    }

    @Test
    void a_bad_min_version_is_refused_with_400_naming_it() {
        String caseId = openCase(newCase(customer()));

        assertNames(problem(get("/api/cases/" + caseId + "?minVersion=latest"), 400), "minVersion");
        assertNames(problem(get("/api/cases/" + caseId + "?minVersion=-1"), 400), "minVersion");
    }

    /**
     * Input that, once accepted, damages more than the request's own case: it runs in an application (and
     * database) of its own, so that if it is accepted it cannot break the tests that share the main one.
     */
    @Nested
    @TestPropertySource(properties = "caseledger.test.application=own-for-damaging-input")
    class InputThatWouldDamageTheApplication extends CaseLedgerHttpTest {

        @Test
        void an_occurred_at_too_early_to_be_stored_is_refused_with_400_naming_it() {
            String customerId = customer();
            Map<String, Object> body = newCase(customerId);
            body.put("occurredAt", "-1000000000-01-01T00:00:00Z");

            JsonNode problem = problem(post("/api/cases", body), 400);

            assertNames(problem, "occurredAt");
        }

        @Test
        void an_order_amount_too_long_to_be_read_back_is_refused_with_400_naming_it() {
            String customerId = customer();
            String body = "{\"type\": \"COMPLAINT\", \"channel\": \"WEB\", \"customerId\": \"" + customerId
                    + "\", \"subject\": \"Refund please\", \"orderId\": \"order-1\","
                    + " \"orderAmount\": {\"amount\": \"1e2000\", \"currency\": \"CNY\"}}";

            JsonNode problem = problem(post("/api/cases", body), 400);

            assertThat(fields(problem)).anySatisfy(field -> assertThat(field).startsWith("orderAmount"));
        }
    }

    /** Asserts the status and an RFC 9457 body; answers the problem. 400s must list the fields in {@code errors}. */
    private static JsonNode problem(ResponseEntity<String> response, int status) {
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

    private static void assertNames(JsonNode problem, String field) {
        assertThat(fields(problem)).as(problem.toString()).contains(field);
    }

    private static List<String> fields(JsonNode problem) {
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

    private int historyLength(String caseId) {
        ResponseEntity<String> response = get("/api/cases/" + caseId + "/history");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json(response).size();
    }

    /**
     * A refused opening has no case to read back, so the proof that nothing was recorded for the customer is that
     * once a valid case is opened for them and shows in the list, it is the only one there.
     */
    private void assertOnlyTheNextCaseIsRecordedFor(String customerId) {
        String caseId = openCase(newCase(customerId));
        view(caseId, 0);

        ResponseEntity<String> response = get("/api/cases?customerId=" + customerId);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("caseId").asText()).isEqualTo(caseId);
    }

    private static Map<String, Object> newCase(String customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "INQUIRY");
        body.put("channel", "EMAIL");
        body.put("customerId", customerId);
        body.put("subject", "Is this in stock?");
        return body;
    }
}
