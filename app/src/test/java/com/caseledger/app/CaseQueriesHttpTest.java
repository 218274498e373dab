package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side as a client reads it: the case view, the list, history and point-in-time state. */
class CaseQueriesHttpTest extends CaseLedgerHttpTest {

    @Test
    void the_case_view_shows_every_field_with_durations_measured_from_the_backfilled_times() {
        String customerId = customer();
        String agentId = agent();
        String caseId = openCase(newCase(customerId, "COMPLAINT", "CHAT", "LOGISTICS", "HIGH", "2021-05-03T09:00:00Z"));
        command(caseId, "assign", at("2021-05-03T09:10:00Z", "agentId", agentId));
        command(caseId, "replies", at("2021-05-03T09:25:00Z", "agentId", agentId, "body", "We are on it"));
        command(caseId, "await-customer", at("2021-05-03T09:40:00Z", "reason", "need the order number"));
        command(caseId, "customer-messages", at("2021-05-03T11:40:00Z", "body", "It is 4711"));
        command(caseId, "notes", at("2021-05-03T11:50:00Z", "agentId", agentId, "body", "carrier lost it"));
        command(caseId, "replies", at("2021-05-03T12:00:00Z", "agentId", agentId, "body", "Resent today"));
        command(caseId, "resolve", at("2021-05-03T12:30:00Z", "resolutionCode", "RESENT"));
        command(caseId, "customer-messages", at("2021-05-04T08:00:00Z", "body", "Nothing arrived"));
        command(caseId, "resolve", at("2021-05-04T08:45:00Z", "resolutionCode", "DELIVERED"));
        long version = command(caseId, "close", at("2021-05-04T10:00:00Z"));

        JsonNode view = view(caseId, version);

        assertThat(view.get("version").asLong()).isEqualTo(version);
        assertThat(view.get("caseId").asText()).isEqualTo(caseId);
        assertThat(view.get("type").asText()).isEqualTo("COMPLAINT");
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("channel").asText()).isEqualTo("CHAT");
        assertThat(view.get("category").asText()).isEqualTo("LOGISTICS");
        assertThat(view.get("priority").asText()).isEqualTo("HIGH");
        assertThat(view.get("customerId").asText()).isEqualTo(customerId);
        assertThat(view.get("agentId").asText()).isEqualTo(agentId);
        assertThat(view.get("subject").asText()).isEqualTo("Parcel not delivered");
        assertThat(instant(view, "openedAt")).isEqualTo("2021-05-03T09:00:00Z");
        assertThat(instant(view, "firstReplyAt")).isEqualTo("2021-05-03T09:25:00Z");
        assertThat(instant(view, "resolvedAt")).isEqualTo("2021-05-04T08:45:00Z");
        assertThat(instant(view, "closedAt")).isEqualTo("2021-05-04T10:00:00Z");
        assertThat(view.get("replies").asInt()).isEqualTo(2);
        assertThat(view.get("reopens").asInt()).isEqualTo(1);
        // 09:00 -> 09:25 = 25 min = 1500 s
        assertThat(view.get("firstReplySeconds").asLong()).isEqualTo(1500);
        // 09:00 -> 12:30 the same day = 3 h 30 min = 12600 s
        assertThat(view.get("firstResolutionSeconds").asLong()).isEqualTo(12600);
        // 05-03 09:00 -> 05-04 08:45 = 23 h 45 min = 85500 s
        assertThat(view.get("fullResolutionSeconds").asLong()).isEqualTo(85500);
        // OPEN 09:00 -> 09:40 (2400 s), PENDING 09:40 -> 11:40 not counted, OPEN 11:40 -> 12:30 (3000 s),
        // RESOLVED 12:30 -> 08:00 not counted, OPEN 08:00 -> 08:45 (2700 s): 2400 + 3000 + 2700 = 8100 s
        assertThat(view.get("requesterWaitSeconds").asLong()).isEqualTo(8100);
    }

    @Test
    void durations_stay_null_until_both_of_their_events_happened() {
        String caseId = openCase(newCase(customer(), "INQUIRY", "EMAIL", null, null, "2021-05-05T09:00:00Z"));
        long version = command(caseId, "notes", at("2021-05-05T09:05:00Z", "agentId", agent(), "body", "not a reply"));

        JsonNode view = view(caseId, version);

        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.get("category").asText()).isEqualTo("OTHER");
        assertThat(view.get("priority").asText()).isEqualTo("NORMAL");
        assertThat(view.get("replies").asInt()).isZero();
        for (String field : List.of("agentId", "firstReplyAt", "resolvedAt", "closedAt", "firstReplySeconds",
                "firstResolutionSeconds", "fullResolutionSeconds", "requesterWaitSeconds")) {
            assertThat(view.has(field)).as(field).isTrue();
            assertThat(view.get(field).isNull()).as(field).isTrue();
        }
    }

    @Test
    void a_reopened_case_keeps_its_first_resolution_but_has_no_full_resolution_until_resolved_again() {
        String caseId = openCase(newCase(customer(), "INQUIRY", "EMAIL", null, null, "2021-05-06T09:00:00Z"));
        command(caseId, "resolve", at("2021-05-06T10:00:00Z", "resolutionCode", "ANSWERED"));
        long version = command(caseId, "reopen", at("2021-05-06T11:00:00Z", "reason", "wrong answer"));

        JsonNode view = view(caseId, version);

        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.get("reopens").asInt()).isEqualTo(1);
        // 09:00 -> 10:00 = 3600 s
        assertThat(view.get("firstResolutionSeconds").asLong()).isEqualTo(3600);
        assertThat(view.get("resolvedAt").isNull()).isTrue();
        assertThat(view.get("fullResolutionSeconds").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0} lists {1}")
    @CsvSource(delimiter = '|', value = {
            "status=RESOLVED                                          | A",
            "status=PENDING                                           | C",
            "status=OPEN                                              | B",
            "type=INQUIRY                                             | C,A",
            "type=COMPLAINT                                           | B",
            "channel=CHAT                                             | C",
            "category=PAYMENT                                         | B",
            "priority=LOW                                             | A",
            "priority=NORMAL                                          | C",
            "agentId=AGENT_A                                          | A",
            "openedFrom=2021-06-02T08:00:00Z                          | C,B",
            "openedTo=2021-06-02T08:00:00Z                            | A",
            "openedFrom=2021-06-01T08:00:01Z&openedTo=2021-06-03T08:00:00Z | B",
            "status=CLOSED                                            | ''"})
    void the_case_list_shows_only_the_cases_matching_a_filter(String filter, String expected) {
        ThreeCases cases = threeCasesOfOneCustomer();

        JsonNode page = list("customerId=" + cases.customerId() + "&" + filter.replace("AGENT_A", cases.agentOfA()));

        List<String> expectedIds = expected.isEmpty() ? List.of()
                : List.of(expected.split(",")).stream().map(cases::id).toList();
        assertThat(ids(page)).containsExactlyElementsOf(expectedIds);
        assertThat(page.get("total").asLong()).isEqualTo(expectedIds.size());
    }

    @Test
    void the_case_list_filters_by_agent_across_customers() {
        ThreeCases cases = threeCasesOfOneCustomer();

        JsonNode page = list("agentId=" + cases.agentOfA());

        assertThat(ids(page)).containsExactly(cases.id("A"));
        assertThat(page.get("items").get(0).get("agentId").asText()).isEqualTo(cases.agentOfA());
    }

    @Test
    void the_case_list_pages_newest_first_with_page_size_and_total() {
        String customerId = customer();
        List<String> oldestFirst = new ArrayList<>();
        for (int hour = 1; hour <= 5; hour++) {
            String caseId = openCase(newCase(customerId, "INQUIRY", "WEB", null, null, "2021-07-01T0" + hour + ":00:00Z"));
            view(caseId, 0);
            oldestFirst.add(caseId);
        }

        JsonNode first = list("customerId=" + customerId + "&size=2");
        JsonNode second = list("customerId=" + customerId + "&size=2&page=1");
        JsonNode third = list("customerId=" + customerId + "&size=2&page=2");
        JsonNode beyond = list("customerId=" + customerId + "&size=2&page=3");

        assertThat(ids(first)).containsExactly(oldestFirst.get(4), oldestFirst.get(3));
        assertThat(ids(second)).containsExactly(oldestFirst.get(2), oldestFirst.get(1));
        assertThat(ids(third)).containsExactly(oldestFirst.get(0));
        assertThat(ids(beyond)).isEmpty();
        for (JsonNode page : List.of(first, second, third, beyond)) {
            assertThat(page.get("size").asInt()).isEqualTo(2);
            assertThat(page.get("total").asLong()).isEqualTo(5);
        }
        assertThat(first.get("page").asInt()).isZero();
        assertThat(third.get("page").asInt()).isEqualTo(2);
    }

    @Test
    void the_case_list_defaults_to_the_first_page_of_20() {
        String customerId = customer();
        String caseId = openCase(newCase(customerId, "INQUIRY", "WEB", null, null, null));
        view(caseId, 0);

        JsonNode page = list("customerId=" + customerId);

        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        assertThat(ids(page)).containsExactly(caseId);
    }

    @Test
    void min_version_right_after_each_command_shows_that_version_or_later() {
        String caseId = openCase(newCase(customer(), "INQUIRY", "PHONE", null, null, null));
        String agentId = agent();
        List<Step> steps = List.of(
                new Step("assign", Map.of("agentId", agentId), "OPEN"),
                new Step("replies", Map.of("agentId", agentId, "body", "Hi"), "OPEN"),
                new Step("await-customer", Map.of(), "PENDING"),
                new Step("customer-messages", Map.of("body", "back"), "OPEN"),
                new Step("resolve", Map.of("resolutionCode", "ANSWERED"), "RESOLVED"));

        for (Step step : steps) {
            long version = command(caseId, step.action(), step.body());

            ResponseEntity<String> response = get("/api/cases/" + caseId + "?minVersion=" + version);

            assertThat(response.getStatusCode().value()).as(step.action() + ": " + response.getBody()).isEqualTo(200);
            JsonNode view = json(response);
            assertThat(view.get("version").asLong()).as(step.action()).isGreaterThanOrEqualTo(version);
            assertThat(view.get("status").asText()).as(step.action()).isEqualTo(step.statusAfter());
        }
    }

    private record Step(String action, Map<String, Object> body, String statusAfter) {
    }

    @Test
    void an_unknown_case_is_answered_404_as_problem_json() {
        String unknown = UUID.randomUUID().toString();

        for (String path : List.of("/api/cases/" + unknown, "/api/cases/" + unknown + "/history",
                "/api/cases/" + unknown + "/state?asOf=2021-01-01T00:00:00Z")) {
            ResponseEntity<String> response = get(path);

            assertThat(response.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(response.getHeaders().getContentType()).as(path)
                    .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
            JsonNode problem = json(response);
            assertThat(problem.get("status").asInt()).isEqualTo(404);
            assertThat(problem.get("type").asText()).isNotBlank();
            assertThat(problem.get("title").asText()).isNotBlank();
            assertThat(problem.get("detail").asText()).contains(unknown);
        }
    }

    @Test
    void the_history_lists_the_events_oldest_first() {
        String agentId = agent();
        String caseId = openCase(newCase(customer(), "INQUIRY", "EMAIL", null, null, "2021-05-07T09:00:00Z"));
        command(caseId, "replies", at("2021-05-07T09:10:00Z", "agentId", agentId, "body", "one"));
        command(caseId, "await-customer", at("2021-05-07T09:20:00Z"));
        command(caseId, "customer-messages", at("2021-05-07T09:30:00Z", "body", "two"));
        command(caseId, "resolve", at("2021-05-07T09:40:00Z", "resolutionCode", "ANSWERED"));

        ResponseEntity<String> response = get("/api/cases/" + caseId + "/history");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        json(response).forEach(events::add);
        assertThat(events).extracting(event -> event.get("type").asText()).containsExactly("CaseOpened",
                "AgentReplied", "CaseAwaitingCustomer", "CustomerMessageReceived", "CaseResumed", "CaseResolved");
        assertThat(events).extracting(event -> event.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(events).extracting(event -> event.get("occurredAt").asText()).containsExactly(
                "2021-05-07T09:00:00Z", "2021-05-07T09:10:00Z", "2021-05-07T09:20:00Z", "2021-05-07T09:30:00Z",
                "2021-05-07T09:30:00Z", "2021-05-07T09:40:00Z");
    }

    @Test
    void the_state_as_of_an_instant_shows_the_case_as_it_stood_then() {
        String agentId = agent();
        String caseId = openCase(newCase(customer(), "INQUIRY", "EMAIL", null, null, "2021-05-10T09:00:00Z"));
        command(caseId, "replies", at("2021-05-10T09:20:00Z", "agentId", agentId, "body", "Which size?"));
        command(caseId, "await-customer", at("2021-05-10T10:00:00Z"));
        long version = command(caseId, "resolve", at("2021-05-10T12:00:00Z", "resolutionCode", "NO_ANSWER"));

        JsonNode pending = state(caseId, "2021-05-10T11:00:00Z");
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("version").asLong()).isEqualTo(2);
        assertThat(pending.get("replies").asInt()).isEqualTo(1);
        assertThat(pending.get("resolvedAt").isNull()).isTrue();
        assertThat(pending.get("firstResolutionSeconds").isNull()).isTrue();

        // An event that occurred exactly at asOf is part of the state.
        JsonNode resolved = state(caseId, "2021-05-10T12:00:00Z");
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("version").asLong()).isEqualTo(version);
        // OPEN 09:00 -> 10:00 = 3600 s; the PENDING 10:00 -> 12:00 does not count
        assertThat(resolved.get("requesterWaitSeconds").asLong()).isEqualTo(3600);
        // 09:00 -> 12:00 = 10800 s
        assertThat(resolved.get("firstResolutionSeconds").asLong()).isEqualTo(10800);

        JsonNode justOpened = state(caseId, "2021-05-10T09:00:00Z");
        assertThat(justOpened.get("status").asText()).isEqualTo("OPEN");
        assertThat(justOpened.get("version").asLong()).isZero();
        assertThat(justOpened.get("replies").asInt()).isZero();

        assertThat(state(caseId, Instant.now().toString())).isEqualTo(view(caseId, version));
    }

    @Test
    void the_state_before_the_case_was_opened_is_404() {
        String caseId = openCase(newCase(customer(), "INQUIRY", "EMAIL", null, null, "2021-05-11T09:00:00Z"));

        ResponseEntity<String> response = get("/api/cases/" + caseId + "/state?asOf=2021-05-11T08:59:59Z");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).contains(caseId);
    }

    /**
     * One customer's cases A, B and C, opened a day apart (C newest): A an INQUIRY by EMAIL about PRODUCT at
     * LOW priority, assigned and RESOLVED; B a COMPLAINT by PHONE about PAYMENT, URGENT, OPEN; C an INQUIRY by
     * CHAT about WARRANTY at NORMAL priority, PENDING.
     */
    private ThreeCases threeCasesOfOneCustomer() {
        String customerId = customer();
        String agentOfA = agent();
        String a = openCase(newCase(customerId, "INQUIRY", "EMAIL", "PRODUCT", "LOW", "2021-06-01T08:00:00Z"));
        command(a, "assign", at("2021-06-01T08:05:00Z", "agentId", agentOfA));
        long versionOfA = command(a, "resolve", at("2021-06-01T09:00:00Z", "resolutionCode", "ANSWERED"));
        String b = openCase(newCase(customerId, "COMPLAINT", "PHONE", "PAYMENT", "URGENT", "2021-06-02T08:00:00Z"));
        String c = openCase(newCase(customerId, "INQUIRY", "CHAT", "WARRANTY", "NORMAL", "2021-06-03T08:00:00Z"));
        long versionOfC = command(c, "await-customer", at("2021-06-03T08:30:00Z"));
        view(a, versionOfA);
        view(b, 0);
        view(c, versionOfC);
        return new ThreeCases(customerId, agentOfA, Map.of("A", a, "B", b, "C", c));
    }

    private record ThreeCases(String customerId, String agentOfA, Map<String, String> ids) {
        String id(String letter) {
            return ids.get(letter.strip());
        }
    }

    private JsonNode list(String query) {
        ResponseEntity<String> response = get("/api/cases?" + query);
        assertThat(response.getStatusCode().value()).as(query + ": " + response.getBody()).isEqualTo(200);
        return json(response);
    }

    private JsonNode state(String caseId, String asOf) {
        ResponseEntity<String> response = get("/api/cases/" + caseId + "/state?asOf=" + asOf);
        assertThat(response.getStatusCode().value()).as(asOf + ": " + response.getBody()).isEqualTo(200);
        return json(response);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }

    private static Instant instant(JsonNode view, String field) {
        return Instant.parse(view.get(field).asText());
    }

    /** A command body with {@code occurredAt} and the given fields (name, value, ...). */
    private static Map<String, Object> at(String occurredAt, String... fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("occurredAt", occurredAt);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.put(fields[i], fields[i + 1]);
        }
        return body;
    }

    private static Map<String, Object> newCase(String customerId, String type, String channel, String category,
                                               String priority, String occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("channel", channel);
        body.put("customerId", customerId);
        body.put("subject", "Parcel not delivered");
        if (category != null) {
            body.put("category", category);
        }
        if (priority != null) {
            body.put("priority", priority);
        }
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt);
        }
        return body;
    }
}
