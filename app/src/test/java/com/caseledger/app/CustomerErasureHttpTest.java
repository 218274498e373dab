package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure by crypto-shredding: a customer's texts are stored sealed with their key; destroying the key makes every
 * reader (history, views, state at an instant, export) show the marker, while identifiers and figures stay.
 */
class CustomerErasureHttpTest extends ReportHttpTest {

    private static final String ERASED = "[erased]";
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    /** One customer's case, worked through every command that records free text. */
    private record Story(String customerId, String agentId, String caseId, long version, List<String> texts) {
    }

    private Story story() {
        String customerId = customer();
        String agentId = agent();
        String tag = " " + customerId.substring("customer-".length());
        List<String> texts = List.of("Kettle arrived broken" + tag, "The spout is cracked, call me on 555-0100" + tag,
                "Photo attached" + tag, "Sorry! Could you send a photo?" + tag, "Customer sounded upset" + tag,
                "waiting for a photo" + tag, "New kettle shipped" + tag, "Arrived broken, wants money back" + tag,
                "check the new kettle arrived" + tag, "Happy with the new kettle" + tag);
        String caseId = openCase(Map.of("type", "COMPLAINT", "channel", "EMAIL", "customerId", customerId,
                "subject", texts.get(0), "description", texts.get(1), "orderId", "order-" + customerId,
                "orderAmount", Map.of("amount", "59.90", "currency", "CNY")));
        command(caseId, "assign", Map.of("agentId", agentId));
        command(caseId, "customer-messages", Map.of("body", texts.get(2)));
        command(caseId, "replies", Map.of("agentId", agentId, "body", texts.get(3)));
        command(caseId, "notes", Map.of("agentId", agentId, "body", texts.get(4)));
        command(caseId, "await-customer", Map.of("reason", texts.get(5)));
        command(caseId, "customer-messages", Map.of("body", texts.get(2)));
        command(caseId, "resolve", Map.of("resolutionCode", "REPLACEMENT_SENT", "summary", texts.get(6)));
        ResponseEntity<String> refund = post("/api/cases/" + caseId + "/refunds", Map.of("kind", "REFUND_ONLY",
                "amount", Map.of("amount", "10.00", "currency", "CNY"), "reason", texts.get(7)));
        assertThat(refund.getStatusCode().value()).as(refund.getBody()).isEqualTo(201);
        ResponseEntity<String> call = post("/api/cases/" + caseId + "/follow-ups", Map.of(
                "scheduledFor", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "purpose", texts.get(8)));
        assertThat(call.getStatusCode().value()).as(call.getBody()).isEqualTo(201);
        ResponseEntity<String> completed = post("/api/cases/" + caseId + "/follow-ups/"
                + json(call).get("followUpId").asText() + "/complete",
                Map.of("reached", true, "satisfaction", 4, "notes", texts.get(9)));
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(200);
        long version = json(completed).get("version").asLong();
        view(caseId, version);
        return new Story(customerId, agentId, caseId, version, texts);
    }

    private ResponseEntity<String> erase(String customerId, String... headers) {
        return post("/api/customers/" + customerId + "/erase", null, headers);
    }

    private JsonNode erased(String customerId, int keysDestroyed) {
        ResponseEntity<String> response = erase(customerId);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("customerId").asText()).isEqualTo(customerId);
        assertThat(answer.get("keysDestroyed").asInt()).isEqualTo(keysDestroyed);
        return answer;
    }

    /** The view once the erasure reached it: an erasure adds no event to the case, so its version stays. */
    private JsonNode viewOnceErased(String caseId) {
        return poll(() -> view(caseId, 0), view -> view.get("subject").asText().equals(ERASED));
    }

    private String reportQuery(Story story) {
        return "from=" + Instant.now().minus(1, ChronoUnit.DAYS) + "&to=" + Instant.now().plus(1, ChronoUnit.HOURS)
                + "&agentId=" + story.agentId();
    }

    private JsonNode reportTotal(String query) {
        awaitReport(query, report -> report.get("total").get("casesOpened").asLong() == 1
                && report.get("total").get("casesResolved").asLong() == 1);
        return report(query).get("total");
    }

    @Test
    void an_erased_customers_texts_read_as_erased_in_the_history_the_views_the_state_and_the_export() {
        Story story = story();

        erased(story.customerId(), 1);

        JsonNode view = viewOnceErased(story.caseId());
        assertThat(view.get("description").asText()).isEqualTo(ERASED);
        assertThat(view.get("customerId").asText()).isEqualTo(story.customerId());
        assertThat(view.get("refunds").get(0).get("reason").asText()).isEqualTo(ERASED);
        JsonNode call = view.get("followUps").get(view.get("followUps").size() - 1);
        assertThat(call.get("purpose").asText()).isEqualTo(ERASED);
        assertThat(call.get("notes").asText()).isEqualTo(ERASED);
        assertThat(call.get("satisfaction").asInt()).isEqualTo(4);
        assertShowsNoText(story, view);

        ResponseEntity<String> history = get("/api/cases/" + story.caseId() + "/history");
        assertShowsNoText(story, json(history));
        JsonNode opened = json(history).get(0).get("payload");
        assertThat(opened.get("subject").asText()).isEqualTo(ERASED);
        assertThat(opened.get("customerId").asText()).isEqualTo(story.customerId());
        assertThat(json(history).findValues("body")).extracting(JsonNode::asText).containsOnly(ERASED);

        JsonNode state = json(get("/api/cases/" + story.caseId() + "/state?asOf="
                + Instant.now().plus(1, ChronoUnit.MINUTES)));
        assertThat(state.get("subject").asText()).isEqualTo(ERASED);
        assertShowsNoText(story, state);

        ResponseEntity<String> feed = get("/api/events?caseId=" + story.caseId(), as("auditor"));
        assertThat(feed.getStatusCode().value()).isEqualTo(200);
        assertThat(json(feed).get("events").get(0).get("payload").get("description").asText()).isEqualTo(ERASED);
        assertShowsNoText(story, json(feed));

        JsonNode list = json(get("/api/cases?customerId=" + story.customerId()));
        assertThat(list.get("items").get(0).get("subject").asText()).isEqualTo(ERASED);
        assertShowsNoText(story, list);

        List<Map<String, Object>> calls = jdbc.queryForList(
                "select subject, purpose from projections.follow_up where case_id = ?", story.caseId());
        assertThat(calls).isNotEmpty().allSatisfy(row -> assertThat(row.get("subject")).isEqualTo(ERASED));
        assertThat(calls).extracting(row -> row.get("purpose")).contains(ERASED).doesNotContain(story.texts().get(8));
    }

    @Test
    void the_event_store_and_the_case_fold_never_hold_the_texts_in_clear() {
        Story story = story();
        for (String text : story.texts()) {
            assertThat(storedEventsContaining(story.caseId(), text)).as(text).isZero();
        }

        erased(story.customerId(), 1);
        viewOnceErased(story.caseId());

        for (String text : story.texts()) {
            assertThat(storedEventsContaining(story.caseId(), text)).as(text).isZero();
            assertThat(jdbc.queryForObject("select count(*) from projections.case_fold where case_id = ? "
                    + "and position(? in timeline) > 0", Long.class, story.caseId(), utf8(text))).as(text).isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from eventstore.domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, story.caseId())).isEqualTo(story.version() + 1);
    }

    @Test
    void only_an_admin_erases_and_a_refused_erasure_records_nothing() {
        Story story = story();

        for (String user : List.of("agent", "supervisor", "auditor", "analyst")) {
            assertThat(erase(story.customerId(), as(user)).getStatusCode().value()).as(user).isEqualTo(403);
        }

        assertThat(jdbc.queryForObject("select count(*) from eventstore.domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, "customer/" + story.customerId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from eventstore.customer_key "
                + "where customer_id = ? and destroyed_at is null", Long.class, story.customerId())).isEqualTo(1);
        assertThat(view(story.caseId(), story.version()).get("subject").asText()).isEqualTo(story.texts().get(0));
    }

    @Test
    void erasing_twice_is_harmless_the_figures_stay_and_the_case_can_still_be_worked() {
        Story story = story();
        String query = reportQuery(story);
        JsonNode figures = reportTotal(query);

        JsonNode first = erased(story.customerId(), 1);
        viewOnceErased(story.caseId());
        JsonNode second = erased(story.customerId(), 0);
        assertThat(Instant.parse(second.get("erasedAt").asText())).isAfterOrEqualTo(Instant.parse(first.get("erasedAt").asText()));
        assertThat(reportTotal(query)).isEqualTo(figures);

        long version = command(story.caseId(), "replies", Map.of("agentId", story.agentId(),
                "body", "Written after the erasure"));
        assertThat(view(story.caseId(), version).get("replies").asInt()).isEqualTo(2);
        JsonNode history = json(get("/api/cases/" + story.caseId() + "/history"));
        assertThat(history.findValues("body")).extracting(JsonNode::asText)
                .containsExactly(ERASED, ERASED, ERASED, ERASED, "Written after the erasure");
        assertShowsNoText(story, history);
        assertThat(reportTotal(query).get("casesOpened")).isEqualTo(figures.get("casesOpened"));

        JsonNode erasures = json(get("/api/events?type=CustomerErased&caseId=customer/" + story.customerId(),
                as("auditor")));
        assertThat(erasures.get("events").findValues("keysDestroyed")).extracting(JsonNode::asInt)
                .containsExactly(1, 0);
        erased(story.customerId(), 1);
        assertThat(view(story.caseId(), version).get("subject").asText()).isEqualTo(ERASED);
    }

    @Test
    void a_case_opened_before_keys_existed_seals_its_new_text_with_its_customers_key() {
        String customerId = customer();
        String caseId = openCase(Map.of("type", "INQUIRY", "channel", "WEB", "customerId", customerId,
                "subject", "An older case"));
        jdbc.update("delete from eventstore.case_customer where case_id = ?", caseId);
        String body = "Sealed though the case is older " + customerId;

        long version = command(caseId, "replies", Map.of("agentId", "admin", "body", body));

        assertThat(storedEventsContaining(caseId, body)).isZero();
        assertThat(jdbc.queryForObject("select customer_id from eventstore.case_customer where case_id = ?",
                String.class, caseId)).isEqualTo(customerId);
        erased(customerId, 1);
        assertThat(json(get("/api/cases/" + caseId + "/history")).get((int) version).get("payload").get("body")
                .asText()).isEqualTo(ERASED);
    }

    @Test
    void a_customer_with_nothing_recorded_is_erased_with_no_key_destroyed() {
        erased(customer(), 0);
    }

    @Test
    void a_rebuild_after_an_erasure_gives_the_same_views_and_figures() {
        Story story = story();
        erased(story.customerId(), 1);
        JsonNode view = viewOnceErased(story.caseId());
        String query = reportQuery(story);
        JsonNode figures = reportTotal(query);

        StreamingEventProcessor processor = processing.eventProcessor("case-projections", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }

        JsonNode rebuilt = poll(() -> {
            ResponseEntity<String> answer = http.getForEntity("/api/cases/" + story.caseId(), String.class);
            return answer.getStatusCode().value() == 200 ? json(answer) : null;
        }, found -> found != null && found.get("version").asLong() == story.version());
        assertThat(rebuilt).isEqualTo(view);
        assertThat(reportTotal(query)).isEqualTo(figures);
    }

    private long storedEventsContaining(String caseId, String text) {
        return jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregate_identifier = ? "
                + "and (position(? in payload) > 0 or position(? in meta_data) > 0)", Long.class, caseId, utf8(text),
                utf8(text));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Neither a text of the story nor any sealed text shows anywhere in the answer. */
    private static void assertShowsNoText(Story story, JsonNode answer) {
        String shown = answer.toString();
        assertThat(shown).doesNotContain(story.texts()).doesNotContain("pd1:");
    }

    private static JsonNode poll(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(PROJECTION_WAIT);
        JsonNode last = read.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = read.get();
        }
        assertThat(done.test(last)).as("in time: " + last).isTrue();
        return last;
    }
}
