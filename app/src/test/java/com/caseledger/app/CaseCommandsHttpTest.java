package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The case commands as a client sends them: what each answers, and what the case's history then records. */
class CaseCommandsHttpTest extends CaseLedgerHttpTest {

    /** Backfilled times of this class lie in February 2021, away from other classes' report periods. */
    private static final Instant BACKFILLED_OPENING = Instant.parse("2021-02-01T09:00:00Z");

    @Test
    void opening_a_case_answers_201_with_its_location_and_version_0() {
        ResponseEntity<String> response = post("/api/cases", newCase(customer()));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        JsonNode answer = json(response);
        String caseId = answer.get("caseId").asText();
        assertThat(caseId).isNotBlank();
        assertThat(answer.get("version").asLong()).isZero();
        assertThat(response.getHeaders().getLocation()).isNotNull();
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/api/cases/" + caseId);

        ResponseEntity<String> located = get(response.getHeaders().getLocation().getPath() + "?minVersion=0");
        assertThat(located.getStatusCode().value()).isEqualTo(200);
        assertThat(json(located).get("caseId").asText()).isEqualTo(caseId);
        assertThat(json(located).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void every_case_command_answers_the_case_id_and_the_cases_version_after_it() {
        String caseId = openCase(newCase(customer()));

        expectVersion(caseId, "customer-messages", Map.of("body", "Where is my parcel?", "channel", "CHAT"), 1);
        expectVersion(caseId, "replies", Map.of("agentId", agent(), "body", "Let me check."), 2);
        expectVersion(caseId, "notes", Map.of("agentId", agent(), "body", "Carrier says Tuesday."), 3);
        expectVersion(caseId, "assign", Map.of("agentId", agent(), "team", "logistics"), 4);
        expectVersion(caseId, "prioritize", Map.of("priority", "HIGH"), 5);
        expectVersion(caseId, "escalate", Map.of("reason", "VIP customer", "level", "L2"), 6);
        expectVersion(caseId, "await-customer", Map.of("reason", "asked for the tracking number"), 7);
        // On a PENDING case a customer message is two events: the message and the case resuming.
        expectVersion(caseId, "customer-messages", Map.of("body", "Here it is: 123"), 9);
        expectVersion(caseId, "resolve", Map.of("resolutionCode", "DELIVERED", "summary", "Parcel arrived"), 10);
        expectVersion(caseId, "reopen", Map.of("reason", "customer called: wrong item"), 11);
        expectVersion(caseId, "resolve", Map.of("resolutionCode", "EXCHANGED"), 12);
        expectVersion(caseId, "close", Map.of(), 13);

        JsonNode view = view(caseId, 13);
        assertThat(view.get("version").asLong()).isEqualTo(13);
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("priority").asText()).isEqualTo("HIGH");
        assertThat(history(caseId)).hasSize(14);
    }

    @Test
    void await_customer_and_close_take_an_empty_request() {
        String caseId = openCase(newCase(customer()));

        expectVersion(caseId, "await-customer", null, 1);
        command(caseId, "resolve", Map.of("resolutionCode", "ANSWERED"));
        expectVersion(caseId, "close", null, 3);
    }

    @Test
    void a_customer_message_on_a_pending_case_records_two_events_and_opens_it_again() {
        String caseId = openCase(newCase(customer()));
        command(caseId, "await-customer", Map.of("reason", "need a photo"));

        long version = command(caseId, "customer-messages", Map.of("body", "photo attached"));

        assertThat(version).isEqualTo(3);
        assertThat(types(history(caseId))).endsWith("CustomerMessageReceived", "CaseResumed");
        JsonNode view = view(caseId, version);
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.get("reopens").asInt()).isZero();
    }

    @Test
    void a_customer_message_on_a_resolved_case_reopens_it() {
        String caseId = openCase(newCase(customer()));
        long resolved = command(caseId, "resolve", Map.of("resolutionCode", "ANSWERED"));

        long version = command(caseId, "customer-messages", Map.of("body", "It broke again"));

        assertThat(version).isEqualTo(resolved + 2);
        List<JsonNode> history = history(caseId);
        assertThat(types(history)).endsWith("CustomerMessageReceived", "CaseReopened");
        assertThat(history.get(history.size() - 1).get("payload").get("byCustomer").asBoolean()).isTrue();
        JsonNode view = view(caseId, version);
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.get("reopens").asInt()).isEqualTo(1);
        assertThat(view.get("resolvedAt").isNull()).isTrue();
    }

    @Test
    void assigning_the_same_agent_again_records_nothing_and_answers_the_same_version() {
        String caseId = openCase(newCase(customer()));
        String agent = agent();
        long assigned = command(caseId, "assign", Map.of("agentId", agent));

        long again = command(caseId, "assign", Map.of("agentId", agent));

        assertThat(again).isEqualTo(assigned);
        assertThat(history(caseId)).hasSize(2);
    }

    @Test
    void the_history_shows_every_event_with_its_type_sequence_and_times() {
        String caseId = openCase(newCase(customer()));
        String agent = agent();
        command(caseId, "replies", Map.of("agentId", agent, "body", "Hello"));
        command(caseId, "notes", Map.of("agentId", agent, "body", "internal"));
        command(caseId, "resolve", Map.of("resolutionCode", "ANSWERED"));
        Instant afterCommands = Instant.now();

        List<JsonNode> history = history(caseId);

        assertThat(types(history)).containsExactly("CaseOpened", "AgentReplied", "InternalNoteAdded", "CaseResolved");
        Set<String> eventIds = new HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            JsonNode event = history.get(i);
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
            eventIds.add(event.get("eventId").asText());
            Instant occurredAt = Instant.parse(event.get("occurredAt").asText());
            Instant recordedAt = Instant.parse(event.get("recordedAt").asText());
            assertThat(occurredAt).isBefore(afterCommands.plusSeconds(1));
            assertThat(recordedAt).isBefore(afterCommands.plusSeconds(1));
            assertThat(event.get("payload").get("caseId").asText()).isEqualTo(caseId);
        }
        assertThat(eventIds).hasSize(history.size()).doesNotContain("", "null");
    }

    @Test
    void the_signed_in_user_is_recorded_as_the_actor() {
        String caseId = openCase(newCase(customer()));
        ResponseEntity<String> reply = post("/api/cases/" + caseId + "/replies",
                Map.of("agentId", "agent", "body", "On it"), as("agent", "X-Actor", "agent"));
        assertThat(reply.getStatusCode().value()).isEqualTo(200);

        List<JsonNode> history = history(caseId);

        assertThat(history.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("agent");
        assertThat(history.get(1).get("causedBy").asText()).isEqualTo("agent");
        assertThat(history.get(1).get("importedBy").isNull()).isTrue();
    }

    @Test
    void the_events_of_one_request_share_its_correlation_id_and_name_a_cause() {
        String caseId = openCase(newCase(customer()));
        command(caseId, "resolve", Map.of("resolutionCode", "ANSWERED"));
        command(caseId, "customer-messages", Map.of("body", "Still broken"));

        List<JsonNode> history = history(caseId);

        JsonNode resolved = history.get(1);
        JsonNode message = history.get(2);
        JsonNode reopened = history.get(3);
        assertThat(message.get("correlationId").asText()).isNotBlank()
                .isEqualTo(reopened.get("correlationId").asText())
                .isNotEqualTo(resolved.get("correlationId").asText());
        for (JsonNode event : history) {
            assertThat(event.get("correlationId").isTextual()).as(event.toString()).isTrue();
            assertThat(event.get("causationId").isTextual()).as(event.toString()).isTrue();
            assertThat(event.get("causationId").asText()).isNotBlank();
        }
        // Both events were caused by the same command.
        assertThat(message.get("causationId").asText()).isEqualTo(reopened.get("causationId").asText())
                .isNotEqualTo(resolved.get("causationId").asText());
    }

    @Test
    void a_given_x_correlation_id_is_recorded_on_the_events_of_the_request() {
        String correlationId = "conversation-" + UUID.randomUUID();
        ResponseEntity<String> opened = post("/api/cases", newCase(customer()), "X-Correlation-Id", correlationId);
        assertThat(opened.getStatusCode().value()).isEqualTo(201);
        String caseId = json(opened).get("caseId").asText();
        command(caseId, "await-customer", Map.of());
        ResponseEntity<String> message = post("/api/cases/" + caseId + "/customer-messages",
                Map.of("body", "answer"), "X-Correlation-Id", correlationId);
        assertThat(message.getStatusCode().value()).isEqualTo(200);

        List<JsonNode> history = history(caseId);

        assertThat(types(history)).containsExactly("CaseOpened", "CaseAwaitingCustomer", "CustomerMessageReceived",
                "CaseResumed");
        assertThat(history.get(0).get("correlationId").asText()).isEqualTo(correlationId);
        // The request in between sent no X-Correlation-Id, so it got one of its own.
        assertThat(history.get(1).get("correlationId").asText()).isNotBlank().isNotEqualTo(correlationId);
        assertThat(history.get(2).get("correlationId").asText()).isEqualTo(correlationId);
        assertThat(history.get(3).get("correlationId").asText()).isEqualTo(correlationId);
    }

    @Test
    void backfilled_occurred_at_is_kept_in_the_view_and_the_history() {
        Map<String, Object> body = newCase(customer());
        body.put("occurredAt", BACKFILLED_OPENING.toString());
        String caseId = openCase(body);
        Instant repliedAt = BACKFILLED_OPENING.plusSeconds(1800);
        Instant resolvedAt = BACKFILLED_OPENING.plusSeconds(3600);
        command(caseId, "replies", Map.of("agentId", agent(), "body", "Answer", "occurredAt", repliedAt.toString()));
        long version = command(caseId, "resolve", Map.of("resolutionCode", "ANSWERED", "occurredAt", resolvedAt.toString()));

        JsonNode view = view(caseId, version);
        assertThat(Instant.parse(view.get("openedAt").asText())).isEqualTo(BACKFILLED_OPENING);
        assertThat(Instant.parse(view.get("firstReplyAt").asText())).isEqualTo(repliedAt);
        assertThat(Instant.parse(view.get("resolvedAt").asText())).isEqualTo(resolvedAt);

        List<JsonNode> history = history(caseId);
        assertThat(history).extracting(event -> Instant.parse(event.get("occurredAt").asText()))
                .containsExactly(BACKFILLED_OPENING, repliedAt, resolvedAt);
        // The store took the events now, years after they happened.
        for (JsonNode event : history) {
            assertThat(Instant.parse(event.get("recordedAt").asText())).isAfter(Instant.now().minusSeconds(600));
        }
    }

    @Test
    void a_command_without_occurred_at_after_backfilled_history_happens_now() {
        Map<String, Object> body = newCase(customer());
        body.put("occurredAt", BACKFILLED_OPENING.toString());
        String caseId = openCase(body);
        Instant before = Instant.now();

        command(caseId, "replies", Map.of("agentId", agent(), "body", "Sorry for the wait"));

        Instant repliedAt = Instant.parse(history(caseId).get(1).get("occurredAt").asText());
        assertThat(repliedAt).isAfterOrEqualTo(before.minusSeconds(1)).isBefore(Instant.now().plusSeconds(1));
    }

    private void expectVersion(String caseId, String action, Map<String, Object> body, long version) {
        ResponseEntity<String> response = post("/api/cases/" + caseId + "/" + action, body);
        assertThat(response.getStatusCode().value()).as(action + ": " + response.getBody()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("caseId").asText()).as(action).isEqualTo(caseId);
        assertThat(answer.get("version").asLong()).as(action).isEqualTo(version);
    }

    private List<JsonNode> history(String caseId) {
        ResponseEntity<String> response = get("/api/cases/" + caseId + "/history");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        json(response).forEach(events::add);
        return events;
    }

    private static List<String> types(List<JsonNode> history) {
        return history.stream().map(event -> event.get("type").asText()).toList();
    }

    private static Map<String, Object> newCase(String customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "INQUIRY");
        body.put("channel", "EMAIL");
        body.put("customerId", customerId);
        body.put("subject", "Where is my order?");
        return body;
    }
}
