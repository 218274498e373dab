package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the after-sales, follow-up call and survey HTTP tests share: cases on their own orders (every test uses
 * fresh customer and order ids, since all test classes share one database), refund and follow-up calls, and the
 * problem+json checks of a refused request that must record nothing.
 */
abstract class AfterSalesHttpSupport extends CaseLedgerHttpTest {

    protected static final String CURRENCY = "CNY";

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    protected static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", CURRENCY);
    }

    /** A case body for {@code type}; {@code orderId} and {@code orderAmount} are left out when null. */
    protected static Map<String, Object> caseBody(String type, String orderId, String orderAmount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("channel", "EMAIL");
        body.put("customerId", unique("aftersales-customer"));
        body.put("subject", "Kettle arrived broken");
        if (orderId != null) {
            body.put("orderId", orderId);
        }
        if (orderAmount != null) {
            body.put("orderAmount", money(orderAmount));
        }
        return body;
    }

    /** Opens an INQUIRY on {@code orderId} worth {@code orderAmount} CNY. */
    protected String openCaseOnOrder(String orderId, String orderAmount) {
        return openCase(caseBody("INQUIRY", orderId, orderAmount));
    }

    /** Opens an INQUIRY on a fresh order worth {@code orderAmount} CNY. */
    protected String openCaseOnNewOrder(String orderAmount) {
        return openCaseOnOrder(unique("order"), orderAmount);
    }

    protected String openCaseWithoutOrder() {
        return openCase(caseBody("INQUIRY", null, null));
    }

    /** Requests a refund of {@code kind}; {@code amount} (CNY) is left out when null. */
    protected ResponseEntity<String> requestRefund(String caseId, String kind, String amount, String... headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        if (amount != null) {
            body.put("amount", money(amount));
        }
        body.put("reason", "arrived broken");
        return post("/api/cases/" + caseId + "/refunds", body, headers.length == 0 ? as("agent") : headers);
    }

    /** Requests a refund that must be accepted (201) and answers its refundId. */
    protected String requestedRefund(String caseId, String kind, String amount) {
        ResponseEntity<String> response = requestRefund(caseId, kind, amount);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json(response).get("refundId").asText();
    }

    /**
     * Sends an after-sales step as the role that takes it: a supervisor approves or rejects (never the agent who
     * requested, four eyes), an agent issues or records a failure.
     */
    protected ResponseEntity<String> refundCommand(String caseId, String refundId, String action, Object body) {
        String user = action.equals("approve") || action.equals("reject") ? "supervisor" : "agent";
        return post("/api/cases/" + caseId + "/refunds/" + refundId + "/" + action, body, as(user));
    }

    protected ResponseEntity<String> scheduleFollowUp(String caseId, Map<String, Object> body) {
        return post("/api/cases/" + caseId + "/follow-ups", body);
    }

    /** Schedules a follow-up call that must be accepted (201) and answers its followUpId. */
    protected String scheduledFollowUp(String caseId, String scheduledFor) {
        ResponseEntity<String> response = scheduleFollowUp(caseId, Map.of("scheduledFor", scheduledFor,
                "purpose", "ask whether the replacement works"));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json(response).get("followUpId").asText();
    }

    protected ResponseEntity<String> followUpCommand(String caseId, String followUpId, String action, Object body) {
        return post("/api/cases/" + caseId + "/follow-ups/" + followUpId + "/" + action, body);
    }

    /** Answers the version of a command that must be accepted (200). */
    protected static long accepted(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json(response).get("version").asLong();
    }

    /** Resolves and closes an INQUIRY (so no follow-up call is scheduled) and answers its version. */
    protected long resolveAndClose(String caseId) {
        command(caseId, "resolve", Map.of("resolutionCode", "REFUNDED"));
        return command(caseId, "close", Map.of());
    }

    /** The case's recorded events, oldest first. */
    protected JsonNode history(String caseId) {
        ResponseEntity<String> response = get("/api/cases/" + caseId + "/history");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    protected List<JsonNode> events(String caseId, String type) {
        List<JsonNode> found = new ArrayList<>();
        history(caseId).forEach(entry -> {
            if (entry.get("type").asText().equals(type)) {
                found.add(entry);
            }
        });
        return found;
    }

    protected static JsonNode refund(JsonNode view, String refundId) {
        return element(view.get("refunds"), "refundId", refundId);
    }

    protected static JsonNode followUp(JsonNode view, String followUpId) {
        return element(view.get("followUps"), "followUpId", followUpId);
    }

    private static JsonNode element(JsonNode list, String idField, String id) {
        assertThat(list).as("list holding " + id).isNotNull();
        for (JsonNode element : list) {
            if (element.get(idField).asText().equals(id)) {
                return element;
            }
        }
        throw new AssertionError("No " + idField + " " + id + " in " + list);
    }

    /** Checks that the answer is an RFC 9457 problem with {@code status} and answers its body. */
    protected static JsonNode problem(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(response.getBody())
                .isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        for (String field : new String[]{"type", "title", "detail"}) {
            assertThat(problem.path(field).asText()).as(field + " of " + problem).isNotBlank();
        }
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    /**
     * Sends a request that must be refused with {@code status} as problem+json (never a 5xx) and must leave the
     * case's history as it was; answers the problem.
     */
    protected JsonNode refused(String caseId, Supplier<ResponseEntity<String>> request, int status) {
        int recorded = history(caseId).size();
        ResponseEntity<String> response = request.get();
        JsonNode problem = problem(response, status);
        assertThat(history(caseId)).as("nothing recorded").hasSize(recorded);
        return problem;
    }

    /** A refused refund must hold no money: the whole order can still be requested afterwards. */
    protected void assertFullOrderStillRefundable(String caseId, String orderAmount) {
        ResponseEntity<String> whole = requestRefund(caseId, "RETURN_AND_REFUND", orderAmount);
        assertThat(whole.getStatusCode().value()).as(whole.getBody()).isEqualTo(201);
    }

    /** The fields a problem's {@code errors} name. */
    protected static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    /** An instant {@code days} from now, to whole seconds. */
    protected static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
    }
}
