package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.caseledger.app.ProblemAssertions.fields;
import static com.caseledger.app.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input a careless or hostile client sends, refused at the edge with a 400 naming the field and nothing recorded:
 * text PostgreSQL cannot store or a log line must not carry, values of the wrong JSON type, duplicate keys,
 * unknown fields and parameters, and money in a currency nobody pays in.
 */
class StrictInputHttpTest extends CaseLedgerHttpTest {

    @Autowired
    JdbcTemplate jdbc;

    private long eventsBefore;

    @BeforeEach
    void countEvents() {
        eventsBefore = storedEvents();
    }

    @Test
    void a_nul_character_in_a_new_case_is_refused_and_nothing_is_stored() {
        String body = "{\"type\":\"INQUIRY\",\"channel\":\"EMAIL\",\"customerId\":\"nul\\u0000cust\",\"subject\":\"a\\u0000b\"}";

        JsonNode problem = problem(post("/api/cases", body), 400);

        assertThat(fields(problem)).contains("customerId");
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0007bell", "esc\\u001b[31m", "del\\u007f", "c1\\u0085", "lone \\ud800 high", "lone \\udc00 low"})
    void control_characters_and_unpaired_surrogates_in_free_text_are_refused(String text) {
        String caseId = openCase(newCase(customer()));
        eventsBefore = storedEvents();

        JsonNode problem = problem(post("/api/cases/" + caseId + "/notes",
                "{\"agentId\":\"agent-1\",\"body\":\"" + text + "\"}"), 400);

        assertThat(fields(problem)).containsExactly("body");
        assertNothingStored();
    }

    @Test
    void free_text_may_hold_tabs_line_breaks_and_characters_beyond_the_basic_plane() {
        String caseId = openCase(newCase(customer()));

        long version = command(caseId, "replies", Map.of("agentId", "agent-1",
                "body", "Dear customer,\r\n\tyour parcel \uD83D\uDCE6 left today.\n"));

        assertThat(version).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent\t1", "agent\n1", "agent\r1", "agent\u20281"})
    void identifiers_are_one_line(String agentId) {
        String caseId = openCase(newCase(customer()));
        eventsBefore = storedEvents();

        JsonNode problem = problem(post("/api/cases/" + caseId + "/assign", Map.of("agentId", agentId)), 400);

        assertThat(fields(problem)).containsExactly("agentId");
        assertNothingStored();
    }

    @Test
    void a_nul_character_in_a_query_parameter_is_refused_not_a_server_error() {
        JsonNode problem = problem(RawHttp.send(port, "GET", "/api/cases?customerId=nul%00cust", null), 400);

        assertThat(fields(problem)).containsExactly("customerId");
    }

    @Test
    void a_line_break_in_a_case_id_is_refused_before_it_reaches_the_store_or_a_log() {
        JsonNode problem = problem(RawHttp.send(port, "POST",
                "/api/cases/x%0A2026-01-01T00:00:00.000Z%20ERROR%20FORGED/notes", "{\"agentId\":\"a-1\",\"body\":\"hi\"}"), 400);

        assertThat(fields(problem)).containsExactly("caseId");
        assertNothingStored();
    }

    @Test
    void an_enum_given_as_its_position_is_refused() {
        Map<String, Object> body = newCase(customer());
        body.put("type", 1);

        assertThat(fields(problem(post("/api/cases", body), 400))).containsExactly("type");
        assertNothingStored();
    }

    @Test
    void a_number_where_text_belongs_is_refused() {
        Map<String, Object> body = newCase(customer());
        body.put("subject", 12345);

        assertThat(fields(problem(post("/api/cases", body), 400))).containsExactly("subject");
        assertNothingStored();
    }

    @Test
    void a_key_given_twice_is_refused() {
        String body = "{\"type\":\"INQUIRY\",\"type\":\"COMPLAINT\",\"channel\":\"EMAIL\",\"customerId\":\"" + customer()
                + "\",\"subject\":\"Where is my parcel?\"}";

        assertThat(fields(problem(post("/api/cases", body), 400))).containsExactly("type");
        assertNothingStored();
    }

    @Test
    void a_field_the_request_does_not_have_is_refused() {
        Map<String, Object> body = newCase(customer());
        body.put("priorty", "HIGH");

        assertThat(fields(problem(post("/api/cases", body), 400))).containsExactly("priorty");
        assertNothingStored();
    }

    @Test
    void an_empty_occurred_at_is_refused_rather_than_taken_as_now() {
        Map<String, Object> body = newCase(customer());
        body.put("occurredAt", "");

        assertThat(fields(problem(post("/api/cases", body), 400))).containsExactly("occurredAt");
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XTS", "XAU", "cny", "CN"})
    void money_in_a_code_that_is_no_currency_one_pays_in_is_refused(String currency) {
        Map<String, Object> body = newCase(customer());
        body.put("orderId", "order-1");
        body.put("orderAmount", Map.of("amount", "10.00", "currency", currency));

        assertThat(fields(problem(post("/api/cases", body), 400))).containsExactly("orderAmount.currency");
        assertNothingStored();
    }

    @Test
    void an_amount_given_as_a_json_number_is_refused_as_the_contract_says_decimal_string() {
        Map<String, Object> body = newCase(customer());
        body.put("orderId", "order-1");
        body.put("orderAmount", Map.of("amount", 10.5, "currency", "CNY"));

        assertThat(fields(problem(post("/api/cases", body), 400))).containsExactly("orderAmount.amount");
        assertNothingStored();
    }

    @Test
    void an_unknown_query_parameter_is_refused_and_named() {
        JsonNode problem = problem(get("/api/cases?custmerId=c-1"), 400);

        assertThat(fields(problem)).containsExactly("custmerId");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("customerId");
    }

    @Test
    void empty_query_parameters_are_refused_rather_than_ignored() {
        JsonNode problem = problem(get("/api/reports/service-levels?to=&channel="), 400);

        assertThat(fields(problem)).containsExactlyInAnyOrder("to", "channel");
    }

    @Test
    void a_query_parameter_on_an_endpoint_that_takes_none_is_refused_as_documented() {
        String caseId = openCase(newCase(customer()));

        JsonNode problem = problem(get("/api/cases/" + caseId + "/history?verbose=true"), 400);

        assertThat(fields(problem)).containsExactly("verbose");
    }

    @Test
    void a_query_parameter_given_twice_is_refused() {
        assertThat(fields(problem(get("/api/cases?status=OPEN&status=PENDING"), 400))).containsExactly("status");
    }

    @Test
    void a_query_parameter_on_a_command_is_refused() {
        String caseId = openCase(newCase(customer()));
        eventsBefore = storedEvents();

        ResponseEntity<String> response = post("/api/cases/" + caseId + "/close?force=true", Map.of());

        assertThat(fields(problem(response, 400))).containsExactly("force");
        assertNothingStored();
    }

    @Test
    void a_control_character_in_the_recorded_actor_header_is_refused() {
        String body = "{\"type\":\"INQUIRY\",\"channel\":\"EMAIL\",\"customerId\":\"c-1\",\"subject\":\"Hi\"}";
        byte[] head = ("POST /api/cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + RawHttp.ADMIN_AUTHORIZATION_LINE
                + "Connection: close\r\nContent-Length: " + body.length() + "\r\nX-Actor: alice").getBytes(StandardCharsets.US_ASCII);
        byte[] rest = ("bob\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + 1 + rest.length];
        System.arraycopy(head, 0, request, 0, head.length);
        request[head.length] = (byte) 0x85;
        System.arraycopy(rest, 0, request, head.length + 1, rest.length);

        String answer = RawHttp.exchange(port, request);

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("X-Actor");
        assertNothingStored();
    }

    private long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private void assertNothingStored() {
        assertThat(storedEvents()).as("events stored").isEqualTo(eventsBefore);
    }

    private static Map<String, Object> newCase(String customerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "INQUIRY");
        body.put("channel", "EMAIL");
        body.put("customerId", customerId);
        body.put("subject", "Where is my parcel?");
        return body;
    }
}
