package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.caseledger.app.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA calendars and policies through the admin API: each change is an event with its actor, reads show the
 * definitions now or at any past instant, and the history shows who changed what when. Definitions are global, so
 * every test uses ids of its own.
 */
class SlaAdministrationHttpTest extends CaseLedgerHttpTest {

    static final String SLA = "/api/admin/sla";

    @Autowired
    JdbcTemplate jdbc;

    private String calendarId;
    private String policyId;

    @BeforeEach
    void ownIds() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        calendarId = "calendar-" + unique;
        policyId = "policy-" + unique;
    }

    @Test
    void a_calendar_is_defined_then_replaced_and_reads_back_as_it_was_written() {
        ResponseEntity<String> defined = put(SLA + "/calendars/" + calendarId, shanghai());

        assertThat(defined.getStatusCode().value()).as(defined.getBody()).isEqualTo(201);
        assertThat(defined.getHeaders().getLocation()).hasToString(SLA + "/calendars/" + calendarId);
        JsonNode first = json(defined);
        assertThat(first.get("version").asLong()).isEqualTo(1);
        assertThat(first.get("changedBy").asText()).isEqualTo("admin");
        assertThat(first.get("zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(first.get("workingHours").get("MONDAY").toString())
                .isEqualTo("[{\"from\":\"09:00\",\"to\":\"12:00\"},{\"from\":\"13:00\",\"to\":\"18:00\"}]");
        assertThat(first.get("workingHours").get("SATURDAY").toString()).isEqualTo("[{\"from\":\"20:00\",\"to\":\"24:00\"}]");
        assertThat(first.get("holidays").toString()).isEqualTo("[\"2026-10-01\",\"2026-10-02\"]");

        Map<String, Object> berlin = calendar("Europe/Berlin", Map.of("FRIDAY", List.of(interval("08:00", "16:00"))), List.of());
        ResponseEntity<String> replaced = put(SLA + "/calendars/" + calendarId, berlin, as("supervisor"));

        assertThat(replaced.getStatusCode().value()).as(replaced.getBody()).isEqualTo(200);
        assertThat(json(replaced).get("version").asLong()).isEqualTo(2);
        assertThat(json(replaced).get("changedBy").asText()).isEqualTo("supervisor");
        JsonNode read = own(get(SLA + "/calendars"), "calendarId", calendarId);
        assertThat(read.get("version").asLong()).isEqualTo(2);
        assertThat(read.get("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(read.get("workingHours").has("MONDAY")).isFalse();
        assertThat(read.get("holidays")).isEmpty();
    }

    @Test
    void a_definition_sent_again_unchanged_records_nothing() {
        put(SLA + "/calendars/" + calendarId, shanghai());
        long before = slaEvents();

        ResponseEntity<String> again = put(SLA + "/calendars/" + calendarId, shanghai(), as("supervisor"));

        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(200);
        assertThat(json(again).get("version").asLong()).isEqualTo(1);
        assertThat(json(again).get("changedBy").asText()).isEqualTo("admin");
        assertThat(slaEvents()).isEqualTo(before);
    }

    @Test
    void a_policy_is_defined_replaced_and_removed_and_the_history_names_who_did_each() {
        put(SLA + "/calendars/" + calendarId, shanghai());

        ResponseEntity<String> defined = put(SLA + "/policies/" + policyId, policy(10, calendarId, 3600));
        assertThat(defined.getStatusCode().value()).as(defined.getBody()).isEqualTo(201);
        JsonNode first = json(defined);
        assertThat(first.get("version").asLong()).isEqualTo(1);
        assertThat(first.get("calendarId").asText()).isEqualTo(calendarId);
        assertThat(first.get("match").get("priorities").toString()).isEqualTo("[\"HIGH\",\"URGENT\"]");
        assertThat(first.get("targets").get("firstReplySeconds").asLong()).isEqualTo(3600);
        assertThat(first.get("targets").get("nextReplySeconds").isNull()).isTrue();
        assertThat(first.get("escalateOnBreach").asBoolean()).isTrue();

        ResponseEntity<String> replaced = put(SLA + "/policies/" + policyId, policy(10, null, 1800), as("supervisor"));
        assertThat(replaced.getStatusCode().value()).as(replaced.getBody()).isEqualTo(200);
        assertThat(json(replaced).get("version").asLong()).isEqualTo(2);
        assertThat(json(replaced).get("calendarId").isNull()).isTrue();
        assertThat(own(get(SLA + "/policies"), "policyId", policyId).get("targets").get("firstReplySeconds").asLong())
                .isEqualTo(1800);

        ResponseEntity<String> removed = delete(SLA + "/policies/" + policyId, as("supervisor"));
        assertThat(removed.getStatusCode().value()).as(removed.getBody()).isEqualTo(204);
        assertThat(ids(get(SLA + "/policies"), "policyId")).doesNotContain(policyId);
        problem(delete(SLA + "/policies/" + policyId), 404);

        List<JsonNode> changes = history().stream()
                .filter(change -> change.get("definitionId").asText().equals(policyId)).toList();
        assertThat(changes).extracting(change -> change.get("type").asText())
                .containsExactly("SlaPolicyDefined", "SlaPolicyDefined", "SlaPolicyRemoved");
        assertThat(changes).extracting(change -> change.get("version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(changes).extracting(change -> change.get("actor").asText())
                .containsExactly("admin", "supervisor", "supervisor");
        assertThat(changes.get(0).get("policy").get("targets").get("firstReplySeconds").asLong()).isEqualTo(3600);
        assertThat(changes.get(2).get("policy").isNull()).isTrue();
        assertThat(Instant.parse(changes.get(0).get("recordedAt").asText()))
                .isBefore(Instant.parse(changes.get(2).get("recordedAt").asText()));
    }

    @Test
    void a_policy_defined_again_after_its_removal_goes_on_counting_its_versions() {
        put(SLA + "/policies/" + policyId, policy(10, null, 3600));
        delete(SLA + "/policies/" + policyId);

        ResponseEntity<String> again = put(SLA + "/policies/" + policyId, policy(10, null, 3600));

        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(201);
        assertThat(json(again).get("version").asLong()).isEqualTo(3);
    }

    @Test
    void as_of_an_instant_the_definitions_read_as_they_stood_then() {
        JsonNode first = json(put(SLA + "/policies/" + policyId, policy(10, null, 3600)));
        JsonNode second = json(put(SLA + "/policies/" + policyId, policy(10, null, 900)));
        delete(SLA + "/policies/" + policyId);
        Instant firstAt = Instant.parse(first.get("changedAt").asText());
        Instant secondAt = Instant.parse(second.get("changedAt").asText());

        assertThat(ids(get(SLA + "/policies?asOf=" + firstAt.minusNanos(1000)), "policyId")).doesNotContain(policyId);
        assertThat(own(get(SLA + "/policies?asOf=" + firstAt), "policyId", policyId).get("version").asLong()).isEqualTo(1);
        JsonNode then = own(get(SLA + "/policies?asOf=" + secondAt), "policyId", policyId);
        assertThat(then.get("version").asLong()).isEqualTo(2);
        assertThat(then.get("targets").get("firstReplySeconds").asLong()).isEqualTo(900);
        assertThat(ids(get(SLA + "/policies"), "policyId")).doesNotContain(policyId);
    }

    @Test
    void policies_are_listed_in_the_order_they_apply_by_position_then_id() {
        put(SLA + "/policies/" + policyId + "-c", policy(5, null, 60));
        put(SLA + "/policies/" + policyId + "-b", policy(7, null, 60));
        put(SLA + "/policies/" + policyId + "-a", policy(7, null, 60));

        List<String> listed = ids(get(SLA + "/policies"), "policyId").stream().filter(id -> id.startsWith(policyId)).toList();

        assertThat(listed).containsExactly(policyId + "-c", policyId + "-a", policyId + "-b");
    }

    @Test
    void the_history_comes_in_pages_that_follow_on_without_gaps() {
        put(SLA + "/policies/" + policyId, policy(10, null, 60));
        put(SLA + "/policies/" + policyId, policy(10, null, 120));

        JsonNode page = json(get(SLA + "/history?limit=1"));
        List<Long> sequences = new ArrayList<>();
        while (true) {
            page.get("changes").forEach(change -> sequences.add(change.get("sequence").asLong()));
            if (page.get("nextAfter").isNull()) {
                break;
            }
            assertThat(page.get("changes")).hasSize(1);
            page = json(get(SLA + "/history?limit=1&after=" + page.get("nextAfter").asLong()));
        }
        List<Long> oneByOne = new ArrayList<>();
        for (long i = 0; i < sequences.size(); i++) {
            oneByOne.add(i);
        }
        assertThat(sequences).isEqualTo(oneByOne);
        assertThat(sequences.size()).isEqualTo(history().size());
    }

    @Test
    void a_supervisor_manages_sla_and_agents_auditors_and_analysts_may_not_even_read_it() {
        assertThat(put(SLA + "/calendars/" + calendarId, shanghai(), as("supervisor")).getStatusCode().value()).isEqualTo(201);
        assertThat(put(SLA + "/policies/" + policyId, policy(1, calendarId, 60), as("supervisor")).getStatusCode().value())
                .isEqualTo(201);
        long before = slaEvents();

        for (String user : List.of("agent", "auditor", "analyst")) {
            problem(put(SLA + "/calendars/" + calendarId + "-" + user, shanghai(), as(user)), 403);
            problem(put(SLA + "/policies/" + policyId, policy(1, null, 30), as(user)), 403);
            problem(delete(SLA + "/policies/" + policyId, as(user)), 403);
            for (String read : List.of("/policies", "/calendars", "/history")) {
                problem(get(SLA + read, as(user)), 403);
            }
        }

        assertThat(slaEvents()).isEqualTo(before);
        assertThat(get(SLA + "/history", as("supervisor")).getStatusCode().value()).isEqualTo(200);
        assertThat(delete(SLA + "/policies/" + policyId, as("supervisor")).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void the_sla_changes_are_no_case_and_have_no_case_history() {
        put(SLA + "/policies/" + policyId, policy(10, null, 60));

        problem(get("/api/cases/sla-definitions/history"), 404);
    }

    static Map<String, Object> shanghai() {
        Map<String, Object> hours = new LinkedHashMap<>();
        hours.put("MONDAY", List.of(interval("13:00", "18:00"), interval("09:00", "12:00")));
        hours.put("SATURDAY", List.of(interval("20:00", "24:00")));
        return calendar("Asia/Shanghai", hours, List.of("2026-10-02", "2026-10-01"));
    }

    static Map<String, Object> calendar(String zone, Map<String, ?> workingHours, List<String> holidays) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zone", zone);
        body.put("workingHours", workingHours);
        body.put("holidays", holidays);
        return body;
    }

    static Map<String, Object> interval(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    static Map<String, Object> policy(int position, String calendarId, long firstReplySeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Urgent and high complaints");
        body.put("position", position);
        // no other test opens a complaint through a forum: the cases of other tests never take these policies
        body.put("match", Map.of("priorities", List.of("URGENT", "HIGH"), "types", List.of("COMPLAINT"),
                "channels", List.of("FORUM")));
        if (calendarId != null) {
            body.put("calendarId", calendarId);
        }
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("firstReplySeconds", firstReplySeconds);
        targets.put("resolutionSeconds", 86_400);
        body.put("targets", targets);
        body.put("escalateOnBreach", true);
        return body;
    }

    private List<JsonNode> history() {
        List<JsonNode> changes = new ArrayList<>();
        json(get(SLA + "/history?limit=1000")).get("changes").forEach(changes::add);
        return changes;
    }

    private static JsonNode own(ResponseEntity<String> list, String idField, String id) {
        assertThat(list.getStatusCode().value()).as(list.getBody()).isEqualTo(200);
        return StreamSupport.stream(json(list).spliterator(), false)
                .filter(item -> item.get(idField).asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + list.getBody()));
    }

    private static List<String> ids(ResponseEntity<String> list, String idField) {
        assertThat(list.getStatusCode().value()).as(list.getBody()).isEqualTo(200);
        return StreamSupport.stream(json(list).spliterator(), false).map(item -> item.get(idField).asText()).toList();
    }

    long slaEvents() {
        Long count = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, "sla-definitions");
        return count == null ? 0 : count;
    }
}
