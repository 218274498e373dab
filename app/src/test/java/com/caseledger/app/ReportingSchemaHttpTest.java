package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static com.caseledger.app.ReportScenario.rating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reporting schema that BI tools read: its daily service levels equal the report's for the same days, its cases
 * and events equal what the API shows of them, and its read-only role reads that schema and nothing else.
 *
 * <pre>
 * case channel type  opened (Sept 2022) what happened                                                  status
 * A    EMAIL   INQ   5th 09:00          assign ana, reply 09:10, resolve 10:00, call completed (4)      RESOLVED
 * B    EMAIL   COMP  5th 10:00          assign ana, replies 10:30 11:00, resolve 12:00, customer 6th    OPEN
 * C    CHAT    INQ   5th 11:00          assign bo, reply 11:05                                           OPEN
 * D    CHAT    INQ   5th 13:00          assign bo, reply 13:30, resolve 6th 10:00, survey 5 / 9 / 6-5    RESOLVED
 * E    EMAIL   INQ   6th 08:00          assign bo, reply 08:20, refund 30.00 CNY issued, resolve, close  CLOSED
 * F    CHAT    COMP  6th 12:00          assign ana, reply 12:45                                          OPEN
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingSchemaHttpTest extends ReportHttpTest {

    private static final String PREFIX = "reporting-";
    private static final String ANA = PREFIX + "ana";
    private static final String BO = PREFIX + "bo";
    private static final LocalDate FIFTH = LocalDate.parse("2022-09-05");
    private static final LocalDate SIXTH = LocalDate.parse("2022-09-06");
    private static final String PERIOD = "from=2022-09-05T00:00:00Z&to=2022-09-07T00:00:00Z";

    @Autowired
    private JdbcTemplate jdbc;

    private final Map<String, ReportScenario.BackfilledCase> cases = new LinkedHashMap<>();

    @BeforeAll
    void the_september_2022_history_is_backfilled() {
        ReportScenario september = new ReportScenario(this, PREFIX, "Reporting schema case ");
        cases.put("A", september.open("A", "EMAIL", "INQUIRY", "2022-09-05T09:00:00Z").assign(ANA, "2022-09-05T09:01:00Z")
                .reply(ANA, "2022-09-05T09:10:00Z").resolve("2022-09-05T10:00:00Z"));
        String call = cases.get("A").scheduleCall("2022-09-07T09:00:00Z", "2022-09-05T10:30:00Z");
        cases.get("A").complete(call, true, 4, "2022-09-07T09:05:00Z").expect("RESOLVED");
        cases.put("B", september.open("B", "EMAIL", "COMPLAINT", "2022-09-05T10:00:00Z").assign(ANA, "2022-09-05T10:00:00Z")
                .reply(ANA, "2022-09-05T10:30:00Z").reply(ANA, "2022-09-05T11:00:00Z").resolve("2022-09-05T12:00:00Z")
                .customerMessage("2022-09-06T09:00:00Z"));
        cases.get("B").expect("OPEN");
        cases.put("C", september.open("C", "CHAT", "INQUIRY", "2022-09-05T11:00:00Z").assign(BO, "2022-09-05T11:00:00Z")
                .reply(BO, "2022-09-05T11:05:00Z"));
        cases.get("C").expect("OPEN");
        cases.put("D", september.open("D", "CHAT", "INQUIRY", "2022-09-05T13:00:00Z").assign(BO, "2022-09-05T13:00:00Z")
                .reply(BO, "2022-09-05T13:30:00Z").resolve("2022-09-06T10:00:00Z")
                .survey(5, 9, Map.of("RELIABILITY", rating(6, 5)), "2022-09-06T11:00:00Z"));
        cases.get("D").expect("RESOLVED");
        cases.put("E", september.openOnOrder("E", "EMAIL", "INQUIRY", "100.00", "CNY", "2022-09-06T08:00:00Z")
                .assign(BO, "2022-09-06T08:00:00Z").reply(BO, "2022-09-06T08:20:00Z"));
        String refund = cases.get("E").requestRefund("REFUND_ONLY", "30.00", "CNY", "2022-09-06T08:30:00Z");
        cases.get("E").issue(refund, "PAY-" + UUID.randomUUID(), "2022-09-06T08:45:00Z").resolve("2022-09-06T09:00:00Z").close("2022-09-06T09:30:00Z").expect("CLOSED");
        cases.put("F", september.open("F", "CHAT", "COMPLAINT", "2022-09-06T12:00:00Z").assign(ANA, "2022-09-06T12:00:00Z")
                .reply(ANA, "2022-09-06T12:45:00Z"));
        cases.get("F").expect("OPEN");
        september.awaitViews();
        awaitReport(PERIOD, report -> report.get("total").get("casesOpened").asLong() == 6
                && report.get("total").get("casesResolved").asLong() == 3
                && report.get("total").get("firstReply").get("count").asLong() == 6);
    }

    @Test
    void each_days_figures_per_channel_equal_the_reports_for_that_day() {
        SoftAssertions softly = new SoftAssertions();
        for (LocalDate day : List.of(FIFTH, SIXTH)) {
            for (String channel : List.of("EMAIL", "CHAT")) {
                Map<String, Object> row = jdbc.queryForMap(
                        "select * from reporting.daily_service_levels_by_channel where day = ? and channel = ?",
                        day, channel);
                sameFigures(softly, day + " " + channel, row, reportOf(day, "channel=" + channel));
            }
        }
        softly.assertAll();
    }

    @Test
    void each_days_figures_per_agent_equal_the_reports_for_that_day() {
        SoftAssertions softly = new SoftAssertions();
        for (LocalDate day : List.of(FIFTH, SIXTH)) {
            for (String agent : List.of(ANA, BO)) {
                Map<String, Object> row = jdbc.queryForMap(
                        "select * from reporting.daily_service_levels_by_agent where day = ? and agent_id = ?",
                        day, agent);
                sameFigures(softly, day + " " + agent, row, reportOf(day, "agentId=" + agent));
            }
        }
        softly.assertAll();
    }

    @Test
    void the_daily_figures_are_the_hand_worked_ones() {
        Map<String, Object> email = jdbc.queryForMap(
                "select * from reporting.daily_service_levels_by_channel where day = ? and channel = 'EMAIL'", FIFTH);
        // A and B were both RESOLVED at the end of the 5th; B was reopened on the 6th
        assertThat(email).containsEntry("cases_opened", 2L).containsEntry("cases_resolved", 1L)
                .containsEntry("backlog", 0L).containsEntry("resolution_rate", 0.5).containsEntry("reopen_rate", 0.5)
                .containsEntry("complaint_rate", 0.5)
                .containsEntry("first_reply_count", 2L).containsEntry("first_reply_mean_seconds", 1200L)
                .containsEntry("first_reply_median_seconds", 600L).containsEntry("first_reply_p90_seconds", 1800L)
                .containsEntry("follow_up_completion_rate", 1.0);
        Map<String, Object> chat = jdbc.queryForMap(
                "select * from reporting.daily_service_levels_by_channel where day = ? and channel = 'CHAT'", FIFTH);
        // C is OPEN, D was resolved on the 6th: both were in the backlog at the end of the 5th
        assertThat(chat).containsEntry("cases_opened", 2L).containsEntry("cases_resolved", 1L)
                .containsEntry("backlog", 2L).containsEntry("first_reply_median_seconds", 300L)
                .containsEntry("first_reply_p90_seconds", 1800L).containsEntry("csat", 100.0)
                .containsEntry("nps", 100.0);
    }

    @Test
    void the_cases_view_shows_each_case_as_the_case_view_does() {
        SoftAssertions softly = new SoftAssertions();
        cases.forEach((name, backfilled) -> {
            JsonNode view = view(backfilled.caseId(), backfilled.version());
            Map<String, Object> row = jdbc.queryForMap("select * from reporting.cases where case_id = ?",
                    backfilled.caseId());
            for (String field : List.of("type", "status", "channel", "category", "priority", "customerId", "agentId")) {
                softly.assertThat(row.get(snake(field))).as(name + " " + field).isEqualTo(text(view.get(field)));
            }
            for (String field : List.of("version", "replies", "reopens", "firstReplySeconds", "firstResolutionSeconds",
                    "fullResolutionSeconds", "requesterWaitSeconds")) {
                softly.assertThat(number(row.get(snake(field)))).as(name + " " + field).isEqualTo(number(view.get(field)));
            }
            for (String field : List.of("openedAt", "firstReplyAt", "resolvedAt", "closedAt")) {
                softly.assertThat(instant(row.get(snake(field)))).as(name + " " + field).isEqualTo(instant(view.get(field)));
            }
        });
        softly.assertAll();
        assertThat(jdbc.queryForMap("select * from reporting.cases where case_id = ?", cases.get("E").caseId()))
                .containsEntry("status", "CLOSED").containsEntry("agent_id", BO).containsEntry("refunded", true)
                .containsEntry("closed_at", Timestamp.from(Instant.parse("2022-09-06T09:30:00Z")));
    }

    @Test
    void the_events_view_shows_each_event_with_its_metadata_as_the_history_does() {
        SoftAssertions softly = new SoftAssertions();
        for (ReportScenario.BackfilledCase backfilled : cases.values()) {
            JsonNode history = json(get("/api/cases/" + backfilled.caseId() + "/history"));
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "select * from reporting.events where stream_id = ? order by sequence_number", backfilled.caseId());
            softly.assertThat(rows).as("events of " + backfilled.caseId()).hasSize(history.size());
            for (int i = 0; i < Math.min(rows.size(), history.size()); i++) {
                Map<String, Object> row = rows.get(i);
                JsonNode entry = history.get(i);
                String as = backfilled.caseId() + " #" + i;
                softly.assertThat(row.get("case_id")).as(as).isEqualTo(backfilled.caseId());
                softly.assertThat(number(row.get("sequence_number"))).as(as).isEqualTo(entry.get("sequence").asLong());
                softly.assertThat(row.get("event_id")).as(as).isEqualTo(text(entry.get("eventId")));
                softly.assertThat(row.get("event_type")).as(as).isEqualTo(text(entry.get("type")));
                softly.assertThat(instant(row.get("occurred_at"))).as(as).isEqualTo(instant(entry.get("occurredAt")));
                softly.assertThat(instant(row.get("recorded_at"))).as(as).isEqualTo(instant(entry.get("recordedAt")));
                for (String field : List.of("actor", "causedBy", "importedBy", "correlationId", "causationId")) {
                    softly.assertThat(row.get(snake(field))).as(as + " " + field).isEqualTo(text(entry.get(field)));
                }
            }
        }
        softly.assertAll();
        assertThat(jdbc.queryForList("select event_type from reporting.events where stream_id = ? order by sequence_number",
                String.class, cases.get("A").caseId()))
                .containsExactly("CaseOpened", "CaseAssigned", "AgentReplied", "CaseResolved", "FollowUpScheduled",
                        "FollowUpCompleted");
    }

    @Test
    void after_sales_requests_follow_up_calls_and_survey_answers_have_their_views() {
        JsonNode refund = view(cases.get("E").caseId(), cases.get("E").version()).get("refunds").get(0);
        assertThat(jdbc.queryForMap("select * from reporting.after_sales_requests where case_id = ?",
                cases.get("E").caseId()))
                .containsEntry("request_id", refund.get("refundId").asText())
                .containsEntry("kind", "REFUND_ONLY").containsEntry("currency", "CNY")
                .containsEntry("status", refund.get("status").asText()).containsEntry("status", "ISSUED")
                .containsEntry("approved_automatically", true)
                .containsEntry("requested_at", Timestamp.from(Instant.parse("2022-09-06T08:30:00Z")))
                .satisfies(row -> assertThat(number(row.get("amount"))).isEqualTo(30.0));

        List<Map<String, Object>> calls = jdbc.queryForList(
                "select * from reporting.follow_up_calls where case_id = ?", cases.get("A").caseId());
        assertThat(calls).singleElement().satisfies(call -> assertThat(call)
                .containsEntry("status", "COMPLETED").containsEntry("automatic", false)
                .containsEntry("satisfaction", 4).containsEntry("customer_id", PREFIX + "customer-A")
                .containsEntry("completed_at", Timestamp.from(Instant.parse("2022-09-07T09:05:00Z"))));

        assertThat(jdbc.queryForMap("select * from reporting.survey_answers where case_id = ?", cases.get("D").caseId()))
                .containsEntry("csat", 5).containsEntry("nps", 9)
                .containsEntry("reliability_expectation", 6).containsEntry("reliability_perception", 5)
                .containsEntry("empathy_expectation", null)
                .containsEntry("csat_latest", true).containsEntry("servqual_latest", true)
                .containsEntry("answered_at", Timestamp.from(Instant.parse("2022-09-06T11:00:00Z")));
    }

    @Test
    void a_login_granted_the_reporting_role_reads_the_reporting_schema_and_nothing_else() throws SQLException {
        String user = "reporting_reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url;
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            // without the URL's parameters, which may name the application's own user
            url = connection.getMetaData().getURL().replaceFirst("\\?.*$", "");
        }
        jdbc.execute("create role " + user + " login password 'reads-reports' in role caseledger_reporting");
        try {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", "reads-reports");
            try (Connection reader = DriverManager.getConnection(url, properties);
                 Statement statement = reader.createStatement()) {
                try (var rows = statement.executeQuery("select current_user")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo(user);
                }
                for (String view : List.of("cases", "events", "daily_service_levels", "daily_service_levels_by_channel",
                        "daily_service_levels_by_agent", "after_sales_requests", "follow_up_calls", "survey_answers")) {
                    try (var rows = statement.executeQuery("select * from reporting." + view + " limit 1")) {
                        assertThat(rows.next()).as(view + " has rows").isTrue();
                    }
                }
                for (String table : List.of("projections.case_view", "projections.service_level_case",
                        "eventstore.domain_event_entry", "reporting.flyway_history")) {
                    assertThatThrownBy(() -> statement.executeQuery("select * from " + table + " limit 1"))
                            .as(table).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                }
                assertThatThrownBy(() -> statement.executeUpdate("create view reporting.mine as select 1"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        } finally {
            jdbc.execute("drop role " + user);
        }
    }

    /** The report's figures of one day alone, so that its backlog is counted at that day's end. */
    private JsonNode reportOf(LocalDate day, String filter) {
        JsonNode report = report("from=" + day + "T00:00:00Z&to=" + day.plusDays(1) + "T00:00:00Z&groupBy=day&" + filter);
        return group(report, day.toString());
    }

    private static void sameFigures(SoftAssertions softly, String as, Map<String, Object> row, JsonNode group) {
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        for (String field : List.of("casesOpened", "casesResolved", "resolutionRate", "oneTouchRate", "reopenRate",
                "complaintRate", "backlog", "refundRate", "followUpCompletionRate", "csat", "nps")) {
            expected.put(snake(field), group.get(field));
        }
        for (String duration : List.of("firstReply", "firstResolution", "fullResolution", "requesterWait")) {
            JsonNode summary = group.get(duration);
            expected.put(snake(duration) + "_count", summary.get("count"));
            expected.put(snake(duration) + "_mean_seconds", summary.get("meanSeconds"));
            expected.put(snake(duration) + "_median_seconds", summary.get("medianSeconds"));
            expected.put(snake(duration) + "_p90_seconds", summary.get("p90Seconds"));
        }
        JsonNode sla = group.get("slaCompliance");
        expected.put("sla_first_reply_compliance", sla.get("firstReply"));
        expected.put("sla_next_reply_compliance", sla.get("nextReply"));
        expected.put("sla_resolution_compliance", sla.get("resolution"));
        List<String> missing = new ArrayList<>(expected.keySet());
        missing.removeAll(row.keySet());
        softly.assertThat(missing).as(as + ": columns").isEmpty();
        expected.forEach((column, value) ->
                softly.assertThat(number(row.get(column))).as(as + " " + column).isEqualTo(number(value)));
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A number as a double (every figure compared here is exact in one), null for none. */
    private static Double number(Object value) {
        if (value instanceof JsonNode node) {
            return node.isNull() ? null : node.asDouble();
        }
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof JsonNode node) {
            return node.isNull() ? null : Instant.parse(node.asText());
        }
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
