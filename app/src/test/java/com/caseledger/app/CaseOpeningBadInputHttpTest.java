package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening a case with bad input: malformed JSON, a missing or unknown value, a bad order amount, an occurredAt in
 * the future or too early to store. Each is refused with a 400 naming the field, and no case is recorded.
 */
class CaseOpeningBadInputHttpTest extends BadInputHttpSupport {

    @Test
    void malformed_json_is_refused_with_400() {
        String customerId = customer();

        ResponseEntity<String> response = post("/api/cases",
                "{\"type\": \"INQUIRY\", \"channel\": \"EMAIL\", \"customerId\": \"" + customerId + "\",");

        problem(response, 400);
        assertOnlyTheNextCaseIsRecordedFor(customerId);
    }

    @Test
    void a_missing_required_field_is_refused_with_400_naming_it() {
        Map<String, Object> body = newCase(customer());
        body.remove("customerId");

        JsonNode problem = problem(post("/api/cases", body), 400);

        assertNames(problem, "customerId");
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
}
