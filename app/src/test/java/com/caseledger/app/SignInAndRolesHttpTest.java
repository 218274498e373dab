package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.caseledger.app.ProblemAssertions.fields;
import static com.caseledger.app.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in and roles over HTTP with the development users (password = name): who may call what, what a refusal
 * looks like (401 or 403 problem+json, nothing recorded), and who the events name as their actor.
 */
class SignInAndRolesHttpTest extends CaseLedgerHttpTest {

    @Autowired
    private JdbcTemplate jdbc;

    // --- sign-in ---

    @Test
    void without_credentials_every_api_endpoint_answers_401_problem_json_with_a_basic_challenge() {
        for (String path : List.of("/api/cases", "/api/reports/service-levels?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
                "/api/events", "/api/follow-ups")) {
            ResponseEntity<String> answer = anonymous.getForEntity(path, String.class);
            problem(answer, 401);
            assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        }
        long before = storedEvents();
        problem(RawHttp.send(port, "POST", "/api/cases", write(inquiry()), "Authorization", "Basic "), 401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_wrong_password_is_refused_also_after_the_right_one_was_accepted() {
        assertThat(get("/api/cases?size=1", as("agent")).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> wrong = get("/api/cases?size=1", "Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("agent:agent2".getBytes()));

        problem(wrong, 401);
        problem(get("/api/cases?size=1", "Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("nobody:nobody".getBytes())), 401);
    }

    @Test
    void health_and_the_api_document_stay_open() {
        assertThat(anonymous.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> document = anonymous.getForEntity("/v3/api-docs", String.class);
        assertThat(document.getStatusCode().value()).isEqualTo(200);
        JsonNode api = json(document);
        assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/bearerAuth/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(api.at("/paths/~1api~1cases/post/responses/401")).isNotNull();
        assertThat(api.at("/paths/~1api~1cases/post/responses/403").isMissingNode()).isFalse();
    }

    // --- roles ---

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "agent,      201", "supervisor, 201", "admin,      201",
            "auditor,    403", "analyst,    403"})
    void opening_a_case_is_agent_work(String user, int status) {
        long before = storedEvents();
        ResponseEntity<String> answer = post("/api/cases", inquiry(), as(user));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        if (status == 403) {
            problem(answer, 403);
            assertThat(storedEvents()).as("nothing recorded").isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "agent,      replies,        200", "auditor,    replies,        403", "analyst,    replies,        403",
            "supervisor, replies,        200", "agent,      escalate,       403", "supervisor, escalate,       200",
            "admin,      escalate,       200", "auditor,    await-customer, 403", "agent,      await-customer, 200"})
    void commands_on_a_case_follow_the_roles(String user, String action, int status) {
        String caseId = openCase(inquiry());
        Map<String, Object> body = switch (action) {
            case "replies" -> Map.of("agentId", user, "body", "On it");
            case "escalate" -> Map.of("reason", "VIP customer");
            default -> Map.of();
        };

        ResponseEntity<String> answer = post("/api/cases/" + caseId + "/" + action, body, as(user));

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(historyOf(caseId)).hasSize(status == 200 ? 2 : 1);
        if (status == 403) {
            problem(answer, 403);
        }
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
            "agent,      view,    200", "supervisor, view,    200", "auditor,    view,    200", "admin,      view,    200",
            "analyst,    view,    403",
            "agent,      history, 200", "auditor,    history, 200", "analyst,    history, 403",
            "auditor,    state,   200", "analyst,    state,   403",
            "agent,      report,  403", "auditor,    report,  403", "supervisor, report,  200", "analyst,    report,  200",
            "admin,      report,  200",
            "agent,      feed,    403", "supervisor, feed,    403", "auditor,    feed,    200", "analyst,    feed,    200",
            "admin,      feed,    200",
            "agent,      worklist, 200", "analyst,    worklist, 403",
            "agent,      list,    200", "analyst,    list,    403",
            "auditor,    verify,  200", "admin,      verify,  200", "agent,      verify,  403",
            "supervisor, verify,  403", "analyst,    verify,  403",
            "agent,      actuator, 403", "admin,      actuator, 200"})
    void reads_follow_the_roles(String user, String what, int status) {
        String caseId = openCase(inquiry());
        String path = switch (what) {
            case "view" -> "/api/cases/" + caseId + "?minVersion=0";
            case "history" -> "/api/cases/" + caseId + "/history";
            case "state" -> "/api/cases/" + caseId + "/state?asOf=2100-01-01T00:00:00Z";
            case "report" -> "/api/reports/service-levels?from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z";
            case "feed" -> "/api/events?limit=1";
            case "worklist" -> "/api/follow-ups";
            case "list" -> "/api/cases?size=1";
            case "verify" -> "/api/cases/" + caseId + "/verify";
            case "actuator" -> "/actuator/info";
            default -> throw new IllegalArgumentException(what);
        };

        ResponseEntity<String> answer = what.equals("actuator")
                ? RawHttp.send(port, "GET", path, null, "Authorization", basic(user))
                : get(path, as(user));

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        if (status == 403) {
            problem(answer, 403);
        }
    }

    // --- the actor is the signed-in user ---

    @Test
    void a_forged_x_actor_is_refused_and_nothing_is_recorded() {
        String caseId = openCase(inquiry());

        JsonNode refused = problem(post("/api/cases/" + caseId + "/replies", Map.of("agentId", "agent", "body", "Hi"),
                as("agent", "X-Actor", "supervisor")), 403);
        JsonNode refusedForAdmin = problem(post("/api/cases/" + caseId + "/notes", Map.of("agentId", "admin", "body", "x"),
                "X-Actor", "someone"), 403);

        long before = storedEvents();
        JsonNode forgedErasure = problem(post("/api/customers/" + customer() + "/erase", Map.of(),
                "X-Actor", "someone"), 403);

        assertThat(fields(refused)).containsExactly("X-Actor");
        assertThat(fields(refusedForAdmin)).containsExactly("X-Actor");
        assertThat(fields(forgedErasure)).containsExactly("X-Actor");
        assertThat(historyOf(caseId)).hasSize(1);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void only_an_admin_imports_history_and_an_import_names_its_actor_and_importer() {
        Map<String, Object> importedCase = inquiry();
        importedCase.put("occurredAt", java.time.Instant.now().minusSeconds(60).toString());
        String caseId = openCase(importedCase);
        Map<String, Object> backdated = Map.of("agentId", "agent", "body", "Answered in the old helpdesk",
                "occurredAt", java.time.Instant.now().minusSeconds(5).toString());

        JsonNode refused = problem(post("/api/cases/" + caseId + "/replies", backdated, as("agent")), 403);
        assertThat(fields(refused)).containsExactly("occurredAt");
        problem(post("/api/cases/" + caseId + "/replies", backdated, as("supervisor")), 403);
        assertThat(historyOf(caseId)).hasSize(1);

        ResponseEntity<String> imported = post("/api/cases/" + caseId + "/replies", backdated, "X-Actor", "li.wei@old-helpdesk");

        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
        JsonNode event = historyOf(caseId).get(1);
        assertThat(event.get("actor").asText()).isEqualTo("li.wei@old-helpdesk");
        assertThat(event.get("importedBy").asText()).isEqualTo("admin");
        assertThat(event.get("causedBy").asText()).isEqualTo("admin");
    }

    @Test
    void an_agent_replies_as_themself_and_a_supervisor_may_reply_on_their_behalf() {
        String caseId = openCase(inquiry());

        JsonNode refused = problem(post("/api/cases/" + caseId + "/replies",
                Map.of("agentId", "someone-else", "body", "Hi"), as("agent")), 403);
        ResponseEntity<String> onBehalf = post("/api/cases/" + caseId + "/replies",
                Map.of("agentId", "agent", "body", "Hi, this is your agent's supervisor"), as("supervisor"));

        assertThat(fields(refused)).containsExactly("agentId");
        assertThat(onBehalf.getStatusCode().value()).as(onBehalf.getBody()).isEqualTo(200);
        List<JsonNode> history = historyOf(caseId);
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("payload").get("agentId").asText()).isEqualTo("agent");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("supervisor");
    }

    // --- four eyes on money ---

    @Test
    void four_eyes_nobody_approves_their_own_request_however_they_name_the_approver() {
        String caseId = openCase(inquiryOnOrder());
        String refundId = requestRefund(caseId, "supervisor");

        JsonNode own = problem(approve(caseId, refundId, "supervisor", Map.of()), 403);
        problem(approve(caseId, refundId, "supervisor", Map.of("approverId", "admin")), 403);
        problem(approve(caseId, refundId, "agent", Map.of()), 403);
        assertThat(own.get("type").asText()).endsWith("four-eyes");
        assertThat(historyOf(caseId)).hasSize(2);

        ResponseEntity<String> approved = approve(caseId, refundId, "admin", Map.of());

        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
        JsonNode event = historyOf(caseId).get(2);
        assertThat(event.get("type").asText()).isEqualTo("RefundApproved");
        assertThat(event.get("payload").get("approverId").asText()).isEqualTo("admin");
        assertThat(event.get("actor").asText()).isEqualTo("admin");
    }

    @Test
    void issuing_and_failing_are_agent_work_and_readers_cannot() {
        String caseId = openCase(inquiryOnOrder());
        String refundId = requestRefund(caseId, "agent");
        assertThat(approve(caseId, refundId, "supervisor", Map.of()).getStatusCode().value()).isEqualTo(200);

        problem(post("/api/cases/" + caseId + "/refunds/" + refundId + "/issue", Map.of("paymentReference", "PAY-1"),
                as("auditor")), 403);
        ResponseEntity<String> issued = post("/api/cases/" + caseId + "/refunds/" + refundId + "/issue",
                Map.of("paymentReference", "PAY-1"), as("agent"));

        assertThat(issued.getStatusCode().value()).as(issued.getBody()).isEqualTo(200);
    }

    // --- stale writes ---

    @Test
    void if_match_applies_a_command_only_to_the_version_it_names() {
        String caseId = openCase(inquiry());
        ResponseEntity<String> first = post("/api/cases/" + caseId + "/notes",
                Map.of("agentId", "agent", "body", "first"), as("agent", "If-Match", "\"0\""));
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        assertThat(first.getHeaders().getETag()).isEqualTo("\"1\"");

        JsonNode stale = problem(post("/api/cases/" + caseId + "/notes",
                Map.of("agentId", "agent", "body", "based on what I saw at 0"), as("agent", "If-Match", "\"0\"")), 412);
        JsonNode ahead = problem(post("/api/cases/" + caseId + "/notes",
                Map.of("agentId", "agent", "body", "from the future"), as("agent", "If-Match", "\"7\"")), 412);
        JsonNode malformed = problem(post("/api/cases/" + caseId + "/notes",
                Map.of("agentId", "agent", "body", "?"), as("agent", "If-Match", "yesterday")), 400);

        assertThat(fields(stale)).containsExactly("If-Match");
        assertThat(stale.get("detail").asText()).contains("version 1");
        assertThat(fields(ahead)).containsExactly("If-Match");
        assertThat(fields(malformed)).containsExactly("If-Match");
        assertThat(historyOf(caseId)).hasSize(2);

        ResponseEntity<String> current = post("/api/cases/" + caseId + "/notes",
                Map.of("agentId", "agent", "body", "based on 1"), as("agent", "If-Match", "1"));
        assertThat(current.getStatusCode().value()).as(current.getBody()).isEqualTo(200);
        ResponseEntity<String> view = get("/api/cases/" + caseId + "?minVersion=2", as("agent"));
        assertThat(view.getHeaders().getETag()).isEqualTo("\"2\"");
    }

    private ResponseEntity<String> approve(String caseId, String refundId, String user, Map<String, Object> body) {
        return post("/api/cases/" + caseId + "/refunds/" + refundId + "/approve", body, as(user));
    }

    private String requestRefund(String caseId, String user) {
        ResponseEntity<String> answer = post("/api/cases/" + caseId + "/refunds", Map.of("kind", "REFUND_ONLY",
                "amount", Map.of("amount", "500.00", "currency", "CNY"), "reason", "broken"), as(user));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        return json(answer).get("refundId").asText();
    }

    private List<JsonNode> historyOf(String caseId) {
        ResponseEntity<String> answer = get("/api/cases/" + caseId + "/history");
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        List<JsonNode> events = new java.util.ArrayList<>();
        json(answer).forEach(events::add);
        return events;
    }

    private long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
