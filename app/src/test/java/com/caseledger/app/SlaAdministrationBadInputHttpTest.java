package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.caseledger.app.ProblemAssertions.fields;
import static com.caseledger.app.ProblemAssertions.problem;
import static com.caseledger.app.SlaAdministrationHttpTest.SLA;
import static com.caseledger.app.SlaAdministrationHttpTest.calendar;
import static com.caseledger.app.SlaAdministrationHttpTest.interval;
import static com.caseledger.app.SlaAdministrationHttpTest.policy;
import static com.caseledger.app.SlaAdministrationHttpTest.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

/** Definitions that can never be accepted answer 400 problem+json naming the field, and nothing is recorded. */
class SlaAdministrationBadInputHttpTest extends CaseLedgerHttpTest {

    @Autowired
    JdbcTemplate jdbc;

    private long before;

    @BeforeEach
    void countSlaEvents() {
        before = slaEvents();
    }

    static Stream<Arguments> badCalendars() {
        return Stream.of(
                Arguments.of("overlapping hours", calendar("Asia/Shanghai",
                        Map.of("MONDAY", List.of(interval("09:00", "12:00"), interval("11:00", "18:00"))), List.of()),
                        "workingHours.MONDAY[1]"),
                Arguments.of("reversed hours", calendar("Asia/Shanghai",
                        Map.of("TUESDAY", List.of(interval("18:00", "09:00"))), List.of()), "workingHours.TUESDAY[0]"),
                Arguments.of("an empty interval", calendar("Asia/Shanghai",
                        Map.of("TUESDAY", List.of(interval("09:00", "09:00"))), List.of()), "workingHours.TUESDAY[0]"),
                Arguments.of("no working time", calendar("Asia/Shanghai", Map.of("MONDAY", List.of()), List.of()),
                        "workingHours"),
                Arguments.of("no days at all", calendar("Asia/Shanghai", Map.of(), List.of()), "workingHours"),
                Arguments.of("an unknown zone", calendar("Mars/Olympus_Mons",
                        Map.of("MONDAY", List.of(interval("09:00", "18:00"))), List.of()), "zone"),
                Arguments.of("a time that is none", calendar("Asia/Shanghai",
                        Map.of("MONDAY", List.of(interval("25:00", "26:00"))), List.of()), "workingHours.MONDAY[0].from"),
                Arguments.of("a holiday that is not a date", calendar("Asia/Shanghai",
                        Map.of("MONDAY", List.of(interval("09:00", "18:00"))), List.of("2026-10-01", "2026-02-30")),
                        "holidays[1]"),
                Arguments.of("a holiday that is no date at all", calendar("Asia/Shanghai",
                        Map.of("MONDAY", List.of(interval("09:00", "18:00"))), List.of("national day")), "holidays[0]"),
                Arguments.of("a day that is none", calendar("Asia/Shanghai",
                        Map.of("FUNDAY", List.of(interval("09:00", "18:00"))), List.of()), "workingHours"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalendars")
    void a_calendar_that_can_never_be_accepted_is_refused_naming_the_field(String what, Map<String, Object> body,
                                                                            String field) {
        JsonNode refused = problem(put(SLA + "/calendars/" + unique("calendar"), body), 400);

        assertThat(fields(refused)).as(refused.toString()).anyMatch(named -> named.startsWith(field));
        assertNothingRecorded();
    }

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                Arguments.of("a zero target", with(policy(1, null, 0), null), "targets.firstReplySeconds"),
                Arguments.of("a negative target", with(policy(1, null, 60), Map.of("resolutionSeconds", -1)),
                        "targets.resolutionSeconds"),
                Arguments.of("a target longer than 366 days", with(policy(1, null, 60), Map.of("nextReplySeconds", 31_622_401)),
                        "targets.nextReplySeconds"),
                Arguments.of("a fractional target", with(policy(1, null, 60), Map.of("nextReplySeconds", 1.5)),
                        "targets.nextReplySeconds"),
                Arguments.of("no target", with(policy(1, null, 60), Map.of()), "targets"),
                Arguments.of("an unknown calendar", policy(1, "no-such-calendar-" + UUID.randomUUID(), 60), "calendarId"),
                Arguments.of("an unknown priority", set(policy(1, null, 60), "match",
                        Map.of("priorities", List.of("HIGH", "CRITICAL"))), "match.priorities[1]"),
                Arguments.of("an unknown channel", set(policy(1, null, 60), "match", Map.of("channels", List.of("FAX"))),
                        "match.channels[0]"),
                Arguments.of("a field the policy does not have", set(policy(1, null, 60), "colour", "red"), "colour"),
                Arguments.of("no name", set(policy(1, null, 60), "name", " "), "name"),
                Arguments.of("a negative position", set(policy(1, null, 60), "position", -1), "position"),
                Arguments.of("a position given as text", set(policy(1, null, 60), "position", "1"), "position"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPolicies")
    void a_policy_that_can_never_be_accepted_is_refused_naming_the_field(String what, Map<String, Object> body,
                                                                          String field) {
        JsonNode refused = problem(put(SLA + "/policies/" + unique("policy"), body), 400);

        assertThat(fields(refused)).as(refused.toString()).contains(field);
        assertNothingRecorded();
    }

    @Test
    void a_refused_replacement_leaves_the_policy_as_it_was() {
        String policyId = unique("policy");
        put(SLA + "/policies/" + policyId, policy(1, null, 60));
        before = slaEvents();

        problem(put(SLA + "/policies/" + policyId, policy(1, null, 0)), 400);

        assertNothingRecorded();
        JsonNode history = json(get(SLA + "/history?limit=1000")).get("changes");
        assertThat(history.toString()).contains(policyId);
    }

    @Test
    void ids_in_the_path_are_limited_like_other_ids() {
        problem(put(SLA + "/policies/" + "p".repeat(201), policy(1, null, 60)), 400);
        problem(put(SLA + "/calendars/" + "c".repeat(201), shanghai()), 400);
        problem(delete(SLA + "/policies/" + "p".repeat(201)), 400);
        assertNothingRecorded();
    }

    @Test
    void an_instant_to_look_back_to_must_be_an_instant() {
        JsonNode refused = problem(get(SLA + "/policies?asOf=yesterday"), 400);

        assertThat(fields(refused)).contains("asOf");
    }

    private static Map<String, Object> with(Map<String, Object> policy, Map<String, Object> targets) {
        if (targets != null) {
            policy.put("targets", targets);
        }
        return policy;
    }

    private static Map<String, Object> set(Map<String, Object> policy, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(policy);
        changed.put(field, value);
        return changed;
    }

    private static String unique(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    private void assertNothingRecorded() {
        assertThat(slaEvents()).as("SLA changes recorded").isEqualTo(before);
    }

    private long slaEvents() {
        Long count = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, "sla-definitions");
        return count == null ? 0 : count;
    }
}
