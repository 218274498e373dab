package com.caseledger.app;

import com.caseledger.query.rebuild.RebuildProjections;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild runs beside the live projections: the case views, the case list, the callers' worklist and the report
 * keep answering what they answered before while it runs, commands sent meanwhile reach the views, and after the switch
 * every view and figure is what it was, the reporting schema reads the rebuilt tables and the rebuild is gone.
 */
class ProjectionRebuildHttpTest extends CaseLedgerHttpTest {

    private static final String PROJECTIONS = "/api/admin/projections";
    private static final String MIGRATIONS = "select version, checksum, success from projections.flyway_history "
            + "order by installed_rank";

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PoisonedCustomers poison;

    @Test
    void queries_keep_answering_during_a_rebuild_and_views_and_reports_are_the_same_after_it() throws Exception {
        String agent = agent();
        List<String> cases = new ArrayList<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> opening = inquiry();
            opening.put("channel", i % 2 == 0 ? "EMAIL" : "CHAT");
            String caseId = openCase(opening);
            cases.add(caseId);
            long version = command(caseId, "assign", Map.of("agentId", agent));
            version = command(caseId, "replies", Map.of("agentId", agent, "body", "Looking into it " + i));
            if (i < 2) {
                version = command(caseId, "resolve", Map.of("resolutionCode", "ANSWERED"));
            }
            if (i == 3) {
                ResponseEntity<String> scheduled = post("/api/cases/" + caseId + "/follow-ups", Map.of("scheduledFor",
                        Instant.now().plus(2, ChronoUnit.DAYS).toString(), "purpose", "Check the parcel arrived"));
                assertThat(scheduled.getStatusCode().value()).as(scheduled.getBody()).isEqualTo(201);
                version = json(scheduled).get("version").asLong();
            }
            versions.put(caseId, version);
        }
        versions.forEach(this::view);
        String report = "/api/reports/service-levels?from=" + Instant.now().minus(1, ChronoUnit.HOURS) + "&to="
                + Instant.now().plus(1, ChronoUnit.HOURS) + "&agentId=" + agent;
        awaitReport(report, 4);
        String list = "/api/cases?agentId=" + agent;
        Map<String, JsonNode> before = answers(cases, report, list);
        long reportingCases = reportingCases(agent);
        assertThat(reportingCases).isEqualTo(4);
        List<Map<String, Object>> migrations = jdbc.queryForList(MIGRATIONS);
        assertThat(migrations).isNotEmpty();

        ResponseEntity<String> started = post(PROJECTIONS + "/all/rebuild", null);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        assertThat(started.getHeaders().getLocation()).hasPath(PROJECTIONS);
        JsonNode rebuilding = json(started).get(0);
        assertThat(rebuilding.get("name").asText()).isEqualTo("case-projections");
        assertThat(rebuilding.get("status").asText()).isEqualTo("REBUILDING");
        assertThat(rebuilding.get("progress").get("total").asLong()).isEqualTo(rebuilding.get("headPosition").asLong());
        JsonNode again = json(post(PROJECTIONS + "/case-projections/rebuild", null));
        assertThat(again.get(0).get("status").asText()).as("a second request joins the rebuild").isEqualTo("REBUILDING");

        String noted = cases.get(0);
        long notedVersion = -1;
        Map<String, JsonNode> expected = before;
        int looks = 0;
        JsonNode status = rebuilding;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (status.get("status").asText().equals("REBUILDING")) {
            assertThat(System.nanoTime()).as("the rebuild ends within three minutes").isLessThan(deadline);
            JsonNode progress = status.get("progress");
            assertThat(progress.get("done").asLong()).isLessThanOrEqualTo(progress.get("total").asLong());
            assertThat(answers(cases, report, list)).as("what the live projections answer during the rebuild")
                    .isEqualTo(expected);
            if (looks == 0) {
                notedVersion = command(noted, "notes", Map.of("agentId", agent, "body", "Written during the rebuild"));
                assertThat(view(noted, notedVersion).get("notes").asInt()).isEqualTo(1);
                expected = answers(cases, report, list);
            }
            looks++;
            Thread.sleep(50);
            status = json(get(PROJECTIONS)).get(0);
        }
        assertThat(looks).as("the live projections were queried while the rebuild ran").isPositive();

        assertThat(status.get("status").asText()).isEqualTo("LIVE");
        assertThat(status.get("lastRebuild").get("outcome").asText()).isEqualTo("SWITCHED");
        assertThat(status.get("position").asLong()).isLessThanOrEqualTo(status.get("headPosition").asLong());
        assertThat(view(noted, notedVersion).get("notes").asInt()).isEqualTo(1);
        awaitReport(report, 4);
        assertThat(answers(cases, report, list)).as("every view and figure after the switch").isEqualTo(expected);
        assertThat(reportingCases(agent)).as("the reporting schema reads the rebuilt tables").isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.schemata "
                + "where schema_name like 'projections\\_%'", Long.class)).as("no copy is left").isZero();
        assertThat(jdbc.queryForObject("select count(*) from projections.token_entry "
                + "where processor_name = 'case-projections-rebuild'", Long.class)).isZero();
        assertThat(jdbc.queryForList("select indexname from pg_indexes where schemaname = 'projections'",
                String.class)).as("the indexes keep their names").contains("case_view_opened_at_ix", "case_view_pk", "case_fold_pk");
        assertThat(jdbc.queryForList(MIGRATIONS)).as("the schema's migration history stays").isEqualTo(migrations);
        assertThat(jdbc.queryForObject("select relpersistence from pg_class where oid = 'projections.case_view'::regclass",
                String.class)).as("the rebuilt tables are logged").isEqualTo("p");

        long later = command(noted, "notes", Map.of("agentId", agent, "body", "Written after the rebuild"));
        assertThat(view(noted, later).get("notes").asInt()).as("the live projection goes on").isEqualTo(2);
    }

    @Test
    void every_table_of_the_projections_schema_is_either_rebuilt_or_kept() {
        // a new table makes this fail until RebuildTables says whether a rebuild writes it anew or keeps it
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = "
                + "'projections' and table_type = 'BASE TABLE'", String.class)).containsExactlyInAnyOrder(
                "case_fold", "case_view", "follow_up", "service_level_case", "evicted_case",
                "token_entry", "dead_letter_entry", "service_level_resets", "flyway_history");
    }

    @Test
    void only_a_named_projection_is_rebuilt_and_only_by_an_admin() {
        ResponseEntity<String> unknown = post(PROJECTIONS + "/case-view/rebuild", null);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asText()).contains("case-projections");
        assertThat(post(PROJECTIONS + "/all/rebuild", null, as("supervisor")).getStatusCode().value()).isEqualTo(403);
        assertThat(get(PROJECTIONS, as("auditor")).getStatusCode().value()).isEqualTo(403);
        JsonNode live = json(get(PROJECTIONS)).get(0);
        assertThat(live.get("status").asText()).isEqualTo("LIVE");
        long position = live.get("position").isNull() ? 0 : live.get("position").asLong();
        assertThat(live.get("progress").get("done").asLong()).isEqualTo(position);
        assertThat(live.get("progress").get("total").asLong()).isEqualTo(Math.max(0, live.get("headPosition").asLong()));
    }

    @Test
    void the_command_line_rebuild_follows_the_rebuild_with_a_progress_bar_until_the_switch() {
        String caseId = openCase(inquiry());
        long version = command(caseId, "replies", Map.of("agentId", agent(), "body", "Hello"));
        JsonNode before = view(caseId, version);
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        int exit = RebuildProjections.rebuild(URI.create("http://localhost:" + port), "all", basic("admin"),
                new PrintStream(summary, true, StandardCharsets.UTF_8),
                new PrintStream(progress, true, StandardCharsets.UTF_8), Duration.ofMillis(20));
        assertThat(exit).as(summary.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(progress.toString(StandardCharsets.UTF_8)).startsWith("\r[").contains("] ");
        assertThat(summary.toString(StandardCharsets.UTF_8)).startsWith("Rebuilt case-projections and switched");
        assertThat(json(get("/api/cases/" + caseId))).isEqualTo(before);

        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThat(RebuildProjections.rebuild(URI.create("http://localhost:" + port), "all", basic("agent"),
                new PrintStream(refused, true, StandardCharsets.UTF_8), System.err, Duration.ofMillis(20)))
                .isEqualTo(2);
        assertThat(refused.toString(StandardCharsets.UTF_8)).startsWith("The node refused the rebuild (403)");
    }

    @Test
    void a_case_parked_before_a_rebuild_is_parked_after_it_and_a_retry_after_the_fix_clears_it() throws Exception {
        Map<String, Object> opening = inquiry();
        String customerId = (String) opening.get("customerId");
        String caseId = openCase(opening);
        view(caseId, 0);
        poison.poison(customerId);
        try {
            long noted = command(caseId, "notes", Map.of("agentId", agent(), "body", "Parked before the rebuild"));
            assertThat(awaitLetters(caseId, 1)).extracting(letter -> letter.get("eventType").asText())
                    .containsExactly("InternalNoteAdded");

            assertThat(post(PROJECTIONS + "/all/rebuild", null).getStatusCode().value()).isEqualTo(202);
            awaitLive();
            assertThat(awaitLetters(caseId, 2)).as("the rebuild folded the case anew and parked it from its opening")
                    .extracting(letter -> letter.get("eventType").asText())
                    .containsExactly("CaseOpened", "InternalNoteAdded");
            assertThat(get("/api/cases/" + caseId).getStatusCode().value()).isEqualTo(404);

            poison.cure(customerId);
            ResponseEntity<String> retried = post("/api/admin/dead-letters/" + caseId + "/retry", null);
            assertThat(json(retried).get("cleared").asBoolean()).as(retried.getBody()).isTrue();
            JsonNode view = view(caseId, noted);
            assertThat(view.get("notes").asInt()).isEqualTo(1);
            assertThat(view.get("behind").asBoolean()).isFalse();
        } finally {
            poison.cure(customerId);
        }
    }

    @Test
    void an_evicted_case_says_its_view_is_behind_until_a_rebuild_folds_its_events_again() throws Exception {
        Map<String, Object> opening = inquiry();
        String customerId = (String) opening.get("customerId");
        String caseId = openCase(opening);
        view(caseId, 0);
        poison.poison(customerId);
        long noted;
        try {
            noted = command(caseId, "notes", Map.of("agentId", agent(), "body", "Evicted before the rebuild"));
            assertThat(awaitLetters(caseId, 1)).hasSize(1);
            assertThat(delete("/api/admin/dead-letters/" + caseId).getStatusCode().value()).isEqualTo(204);
        } finally {
            poison.cure(customerId);
        }
        JsonNode evicted = json(get("/api/cases/" + caseId));
        assertThat(evicted.get("notes").asInt()).isZero();
        assertThat(evicted.get("behind").asBoolean()).as("the view lacks the evicted note and says so").isTrue();
        assertThat(listedBehind(customerId)).containsExactly(true);

        assertThat(post(PROJECTIONS + "/all/rebuild", null).getStatusCode().value()).isEqualTo(202);
        awaitLive();
        JsonNode rebuilt = view(caseId, noted);
        assertThat(rebuilt.get("notes").asInt()).as("the rebuild folded the evicted note").isEqualTo(1);
        assertThat(rebuilt.get("behind").asBoolean()).isFalse();
        assertThat(listedBehind(customerId)).containsExactly(false);
    }

    private void awaitLive() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode status = json(get(PROJECTIONS)).get(0);
        while (!status.get("status").asText().equals("LIVE")) {
            assertThat(System.nanoTime()).as("the rebuild ends within three minutes").isLessThan(deadline);
            Thread.sleep(50);
            status = json(get(PROJECTIONS)).get(0);
        }
        assertThat(status.get("lastRebuild").get("outcome").asText()).isEqualTo("SWITCHED");
    }

    /** The case's parked events once there are {@code count} of them. */
    private List<JsonNode> awaitLetters(String caseId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<JsonNode> letters = new ArrayList<>();
            for (JsonNode parked : json(get("/api/admin/dead-letters"))) {
                if (parked.get("caseId").asText().equals(caseId)) {
                    parked.get("events").forEach(letters::add);
                }
            }
            if (letters.size() == count || System.nanoTime() > deadline) {
                return letters;
            }
            Thread.sleep(50);
        }
    }

    private Map<String, JsonNode> answers(List<String> cases, String report, String list) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String caseId : cases) {
            answers.put(caseId, ok(get("/api/cases/" + caseId)));
        }
        answers.put("report", ok(get(report)));
        answers.put("list", ok(get(list)));
        JsonNode worklist = ok(get("/api/follow-ups?status=SCHEDULED&size=500"));
        List<JsonNode> ours = new ArrayList<>();
        worklist.get("items").forEach(item -> {
            if (cases.contains(item.get("caseId").asText())) {
                ours.add(item);
            }
        });
        answers.put("worklist", JSON.valueToTree(ours));
        return answers;
    }

    private static JsonNode ok(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json(answer);
    }

    private void awaitReport(String report, long cases) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (json(get(report)).get("total").get("casesOpened").asLong() != cases) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private long reportingCases(String agent) {
        return jdbc.queryForObject("select count(*) from reporting.cases where agent_id = ?", Long.class, agent);
    }
}
