package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases take the SLA policy that matches them when they are opened and when their priority changes, and the case view
 * shows each target's due instant and status as of the read. SLA definitions are global: each test's policies match
 * only a combination of type, channel and priority that no other test opens (SMS and SOCIAL are this class's own).
 */
class SlaCasesHttpTest extends CaseLedgerHttpTest {

    private static final String SLA = "/api/admin/sla";

    private String unique;
    private String customerId;

    @BeforeEach
    void ownIds() {
        unique = UUID.randomUUID().toString().substring(0, 8);
        customerId = customer();
    }

    @Test
    void a_case_takes_its_policy_and_shows_due_instants_in_calendar_time_met_and_paused() {
        String policyId = policy("SUGGESTION", "SMS", "URGENT", null, 3600L, 1800L, 86_400L);

        Opened opened = open("SUGGESTION", "SMS", "URGENT", null);

        assertThat(opened.version()).as("CaseOpened, then SlaPolicyApplied").isEqualTo(1);
        JsonNode sla = view(opened.caseId(), opened.version()).get("sla");
        Instant openedAt = Instant.parse(view(opened.caseId(), opened.version()).get("openedAt").asText());
        assertThat(sla.get("policyId").asText()).isEqualTo(policyId);
        assertThat(sla.get("policyVersion").asLong()).isEqualTo(1);
        assertThat(sla.get("calendarId").isNull()).isTrue();
        assertTarget(sla.get("firstReply"), openedAt.plusSeconds(3600), "ACTIVE", null);
        assertThat(sla.get("nextReply").isNull()).as("the customer has not written since a first reply").isTrue();
        assertTarget(sla.get("resolution"), openedAt.plusSeconds(86_400), "ACTIVE", null);

        long replied = command(opened.caseId(), "replies", Map.of("agentId", agent(), "body", "Thanks for the idea"));
        JsonNode afterReply = view(opened.caseId(), replied).get("sla");
        assertTarget(afterReply.get("firstReply"), openedAt.plusSeconds(3600), "MET", null);

        long wrote = command(opened.caseId(), "customer-messages", Map.of("body", "One more thing"));
        JsonNode waiting = view(opened.caseId(), wrote);
        Instant wroteAt = Instant.parse(waiting.get("lastActivityAt").asText());
        assertTarget(waiting.get("sla").get("nextReply"), wroteAt.plusSeconds(1800), "ACTIVE", null);

        long pending = command(opened.caseId(), "await-customer", Map.of("reason", "which colour?"));
        JsonNode paused = view(opened.caseId(), pending).get("sla");
        assertTarget(paused.get("nextReply"), null, "PAUSED", null);
        assertTarget(paused.get("resolution"), null, "PAUSED", null);
        assertTarget(paused.get("firstReply"), openedAt.plusSeconds(3600), "MET", null);
        assertThat(caseIds("/api/cases?customerId=" + customerId + "&slaStatus=PAUSED")).containsExactly(opened.caseId());
        assertThat(caseIds("/api/cases?customerId=" + customerId + "&slaStatus=MET")).containsExactly(opened.caseId());
        assertThat(caseIds("/api/cases?customerId=" + customerId + "&slaStatus=ACTIVE")).isEmpty();

        JsonNode applied = history(opened.caseId()).get(1);
        assertThat(applied.get("type").asText()).isEqualTo("SlaPolicyApplied");
        assertThat(applied.get("actor").asText()).isEqualTo("system");
        assertThat(applied.get("payload").get("policyId").asText()).isEqualTo(policyId);
        assertThat(applied.get("payload").get("targets").get("firstReplySeconds").asLong()).isEqualTo(3600);
    }

    @Test
    void an_imported_case_past_its_due_instants_shows_them_breached_and_a_reopen_can_breach_a_met_target() {
        policy("SUGGESTION", "SMS", "HIGH", null, 3600L, null, 7200L);

        Opened opened = open("SUGGESTION", "SMS", "HIGH", "2026-01-05T09:00:00Z");

        JsonNode sla = view(opened.caseId(), opened.version()).get("sla");
        assertTarget(sla.get("firstReply"), Instant.parse("2026-01-05T10:00:00Z"), "BREACHED",
                Instant.parse("2026-01-05T10:00:00Z"));
        assertTarget(sla.get("resolution"), Instant.parse("2026-01-05T11:00:00Z"), "BREACHED",
                Instant.parse("2026-01-05T11:00:00Z"));
        assertThat(sla.get("nextReply").isNull()).as("the policy has no next reply target").isTrue();
        assertThat(caseIds("/api/cases?customerId=" + customerId + "&slaStatus=BREACHED")).containsExactly(opened.caseId());

        command(opened.caseId(), "replies", at("2026-01-05T09:30:00Z", "agentId", agent(), "body", "On it"));
        long resolved = command(opened.caseId(), "resolve", at("2026-01-05T10:30:00Z", "resolutionCode", "NOTED"));
        JsonNode met = view(opened.caseId(), resolved).get("sla");
        assertTarget(met.get("firstReply"), Instant.parse("2026-01-05T10:00:00Z"), "MET", null);
        assertTarget(met.get("resolution"), Instant.parse("2026-01-05T11:00:00Z"), "MET", null);
        assertThat(caseIds("/api/cases?customerId=" + customerId + "&slaStatus=BREACHED")).isEmpty();

        // 1h30 used before the resolution: the reopened clock has 30 minutes left
        long reopened = command(opened.caseId(), "reopen", at("2026-01-05T12:00:00Z", "reason", "not fixed"));
        assertTarget(view(opened.caseId(), reopened).get("sla").get("resolution"), Instant.parse("2026-01-05T12:30:00Z"),
                "BREACHED", Instant.parse("2026-01-05T12:30:00Z"));
    }

    @Test
    void under_a_business_calendar_only_working_time_counts() {
        String calendarId = "calendar-" + unique;
        ResponseEntity<String> calendar = put(SLA + "/calendars/" + calendarId, Map.of("zone", "Asia/Shanghai",
                "workingHours", weekdays(List.of(interval("09:00", "12:00"), interval("13:00", "18:00"))),
                "holidays", List.of("2026-01-05")));
        assertThat(calendar.getStatusCode().value()).as(calendar.getBody()).isEqualTo(201);
        policy("SUGGESTION", "SOCIAL", "URGENT", calendarId, 4 * 3600L, null, 10 * 3600L);

        // Friday 2 January 2026, 17:00 in Shanghai; Monday the 5th is a holiday
        Opened opened = open("SUGGESTION", "SOCIAL", "URGENT", "2026-01-02T09:00:00Z");

        JsonNode sla = view(opened.caseId(), opened.version()).get("sla");
        assertThat(sla.get("calendarId").asText()).isEqualTo(calendarId);
        assertThat(sla.get("calendarVersion").asLong()).isEqualTo(1);
        // first reply, 4 working hours: Friday 17:00-18:00, then Tuesday 09:00-12:00 (due at that interval's end)
        assertTarget(sla.get("firstReply"), Instant.parse("2026-01-06T04:00:00Z"), "BREACHED",
                Instant.parse("2026-01-06T04:00:00Z"));
        // resolution, 10 working hours: Friday 1h, Tuesday 3h + 5h, Wednesday 09:00-10:00
        assertTarget(sla.get("resolution"), Instant.parse("2026-01-07T02:00:00Z"), "BREACHED",
                Instant.parse("2026-01-07T02:00:00Z"));

        // Tuesday 11:00 in Shanghai: 3 of the 4 working hours used
        long replied = command(opened.caseId(), "replies", at("2026-01-06T03:00:00Z", "agentId", agent(), "body", "Noted"));
        assertTarget(view(opened.caseId(), replied).get("sla").get("firstReply"), Instant.parse("2026-01-06T04:00:00Z"),
                "MET", null);
    }

    @Test
    void a_priority_change_moves_the_case_to_the_policy_of_its_new_priority() {
        String low = policy("INQUIRY", "SMS", "LOW", null, 7200L, null, null);
        String urgent = policy("INQUIRY", "SMS", "URGENT", null, 600L, null, null);

        Opened opened = open("INQUIRY", "SMS", "LOW", null);
        JsonNode atLow = view(opened.caseId(), opened.version());
        Instant openedAt = Instant.parse(atLow.get("openedAt").asText());
        assertThat(atLow.get("sla").get("policyId").asText()).isEqualTo(low);
        assertTarget(atLow.get("sla").get("firstReply"), openedAt.plusSeconds(7200), "ACTIVE", null);
        assertThat(atLow.get("sla").get("resolution").isNull()).isTrue();

        long raised = command(opened.caseId(), "prioritize", Map.of("priority", "URGENT"));
        assertThat(raised).as("CasePrioritized, then SlaPolicyApplied").isEqualTo(3);
        JsonNode atUrgent = view(opened.caseId(), raised).get("sla");
        assertThat(atUrgent.get("policyId").asText()).isEqualTo(urgent);
        assertTarget(atUrgent.get("firstReply"), openedAt.plusSeconds(600), "ACTIVE", null);

        long unmatched = command(opened.caseId(), "prioritize", Map.of("priority", "NORMAL"));
        assertThat(unmatched).as("no policy matches: the case records that it has none").isEqualTo(5);
        assertThat(view(opened.caseId(), unmatched).get("sla").isNull()).isTrue();
    }

    @Test
    void a_later_change_of_a_policy_does_not_move_the_targets_of_cases_that_have_it() {
        String policyId = policy("INQUIRY", "SOCIAL", "HIGH", null, 3600L, null, null);
        Opened before = open("INQUIRY", "SOCIAL", "HIGH", null);
        Instant beforeOpenedAt = Instant.parse(view(before.caseId(), before.version()).get("openedAt").asText());

        ResponseEntity<String> changed = put(SLA + "/policies/" + policyId,
                policyBody("INQUIRY", "SOCIAL", "HIGH", null, 60L, null, null));
        assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);
        Opened after = open("INQUIRY", "SOCIAL", "HIGH", null);
        long assigned = command(before.caseId(), "assign", Map.of("agentId", agent()));

        JsonNode kept = view(before.caseId(), assigned).get("sla");
        assertThat(kept.get("policyVersion").asLong()).isEqualTo(1);
        assertTarget(kept.get("firstReply"), beforeOpenedAt.plusSeconds(3600), "ACTIVE", null);
        JsonNode taken = view(after.caseId(), after.version());
        assertThat(taken.get("sla").get("policyVersion").asLong()).isEqualTo(2);
        assertThat(taken.get("sla").get("firstReply").get("dueAt").asText())
                .isEqualTo(Instant.parse(taken.get("openedAt").asText()).plusSeconds(60).toString());
    }

    @Test
    void the_agents_queue_lists_the_nearest_active_due_instant_first() {
        policy("INQUIRY", "SOCIAL", "NORMAL", null, 3600L, null, 86_400L);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // first reply breached long ago; resolution due in 22 and 19 hours
        Opened twoHoursAgo = open("INQUIRY", "SOCIAL", "NORMAL", now.minus(Duration.ofHours(2)).toString());
        Opened fiveHoursAgo = open("INQUIRY", "SOCIAL", "NORMAL", now.minus(Duration.ofHours(5)).toString());
        // first reply due in an hour
        Opened justNow = open("INQUIRY", "SOCIAL", "NORMAL", null);
        // waits for the customer: nothing ACTIVE
        Opened waiting = open("INQUIRY", "SOCIAL", "NORMAL", null);
        long pending = command(waiting.caseId(), "await-customer", Map.of("reason", "order number?"));
        view(twoHoursAgo.caseId(), twoHoursAgo.version());
        view(fiveHoursAgo.caseId(), fiveHoursAgo.version());
        view(justNow.caseId(), justNow.version());
        view(waiting.caseId(), pending);

        assertThat(caseIds("/api/cases?customerId=" + customerId + "&slaStatus=ACTIVE&sort=slaDue"))
                .containsExactly(justNow.caseId(), fiveHoursAgo.caseId(), twoHoursAgo.caseId());
        assertThat(caseIds("/api/cases?customerId=" + customerId + "&sort=slaDue"))
                .containsExactly(justNow.caseId(), fiveHoursAgo.caseId(), twoHoursAgo.caseId(), waiting.caseId());
        assertThat(caseIds("/api/cases?customerId=" + customerId + "&slaStatus=BREACHED"))
                .containsExactlyInAnyOrder(twoHoursAgo.caseId(), fiveHoursAgo.caseId());
    }

    @Test
    void an_unknown_sort_is_refused_naming_it() {
        JsonNode refused = ProblemAssertions.problem(get("/api/cases?sort=dueSoon"), 400);

        assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("sort");
    }

    private record Opened(String caseId, long version) {
    }

    private Opened open(String type, String channel, String priority, String occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("channel", channel);
        body.put("priority", priority);
        body.put("customerId", customerId);
        body.put("subject", "Service levels");
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt);
        }
        ResponseEntity<String> response = post("/api/cases", body);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return new Opened(json(response).get("caseId").asText(), json(response).get("version").asLong());
    }

    /** Defines a policy of this test's own at a low position; answers its id. */
    private String policy(String type, String channel, String priority, String calendarId, Long firstReplySeconds,
                          Long nextReplySeconds, Long resolutionSeconds) {
        String policyId = "policy-" + unique + "-" + priority.toLowerCase();
        ResponseEntity<String> defined = put(SLA + "/policies/" + policyId, policyBody(type, channel, priority,
                calendarId, firstReplySeconds, nextReplySeconds, resolutionSeconds));
        assertThat(defined.getStatusCode().value()).as(defined.getBody()).isEqualTo(201);
        return policyId;
    }

    private static Map<String, Object> policyBody(String type, String channel, String priority, String calendarId,
                                                  Long firstReplySeconds, Long nextReplySeconds, Long resolutionSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", type + " through " + channel + " at " + priority);
        body.put("position", 1);
        body.put("match", Map.of("priorities", List.of(priority), "types", List.of(type), "channels", List.of(channel)));
        if (calendarId != null) {
            body.put("calendarId", calendarId);
        }
        Map<String, Object> targets = new LinkedHashMap<>();
        if (firstReplySeconds != null) {
            targets.put("firstReplySeconds", firstReplySeconds);
        }
        if (nextReplySeconds != null) {
            targets.put("nextReplySeconds", nextReplySeconds);
        }
        if (resolutionSeconds != null) {
            targets.put("resolutionSeconds", resolutionSeconds);
        }
        body.put("targets", targets);
        return body;
    }

    private static Map<String, Object> weekdays(List<Map<String, Object>> intervals) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.put(day, intervals);
        }
        return hours;
    }

    private static Map<String, Object> interval(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    private static void assertTarget(JsonNode target, Instant dueAt, String status, Instant breachedAt) {
        assertThat(target.get("status").asText()).as(target.toString()).isEqualTo(status);
        assertThat(target.get("dueAt").isNull() ? null : Instant.parse(target.get("dueAt").asText()))
                .as(target.toString()).isEqualTo(dueAt);
        assertThat(target.get("breachedAt").isNull() ? null : Instant.parse(target.get("breachedAt").asText()))
                .as(target.toString()).isEqualTo(breachedAt);
    }

    private List<String> caseIds(String path) {
        ResponseEntity<String> response = get(path);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(response).get("items").forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }

    private JsonNode history(String caseId) {
        ResponseEntity<String> response = get("/api/cases/" + caseId + "/history");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json(response);
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
}
