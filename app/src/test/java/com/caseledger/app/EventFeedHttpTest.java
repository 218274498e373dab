package com.caseledger.app;

import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.EventMetadata;
import com.caseledger.events.Priority;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.caseledger.app.ProblemAssertions.fields;
import static com.caseledger.app.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export feed: a reader that follows the cursor sees every recorded event exactly once, in the order the store
 * gives them, also while writers commit concurrently and a transaction commits after later ones.
 */
class EventFeedHttpTest extends CaseLedgerHttpTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_reader_following_the_cursor_sees_every_event_once_while_writers_commit() throws Exception {
        String cursor = head();
        String customer = customer();
        Map<String, Long> expected = new ConcurrentHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<?>> writing = new ArrayList<>();
        for (int writer = 0; writer < 6; writer++) {
            writing.add(writers.submit(() -> {
                for (int i = 0; i < 8; i++) {
                    String caseId = openCase(Map.of("type", "INQUIRY", "channel", "CHAT", "customerId", customer,
                            "subject", "Which size?"));
                    long version = 0;
                    for (int note = 0; note < 3; note++) {
                        version = command(caseId, "notes", Map.of("agentId", "agent-1", "body", "note " + note));
                    }
                    expected.put(caseId, version);
                }
                return null;
            }));
        }

        Map<String, List<Long>> seen = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        boolean writersDone;
        while (Instant.now().isBefore(deadline)) {
            writersDone = writing.stream().allMatch(Future::isDone);
            JsonNode page = feed("/api/events?limit=37" + after(cursor));
            for (JsonNode event : page.get("events")) {
                assertThat(eventIds.add(event.get("eventId").asText())).as("delivered once: " + event).isTrue();
                seen.computeIfAbsent(event.get("caseId").asText(), id -> new ArrayList<>()).add(event.get("sequence").asLong());
            }
            cursor = page.get("nextCursor").isNull() ? cursor : page.get("nextCursor").asText();
            if (writersDone && page.get("endOfStream").asBoolean() && complete(seen, expected)) {
                break;
            }
        }
        writers.shutdown();
        for (Future<?> done : writing) {
            done.get(1, TimeUnit.SECONDS);
        }

        assertThat(expected).hasSize(48);
        expected.forEach((caseId, version) -> assertThat(seen.get(caseId)).as(caseId)
                .containsExactly(0L, 1L, 2L, 3L).hasSize(version.intValue() + 1));
    }

    @Test
    void an_event_that_commits_after_later_ones_is_delivered_once_when_it_commits() throws Exception {
        String cursor = head();
        String late = "late-" + UUID.randomUUID();
        String early = "early-" + UUID.randomUUID();
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService slowWriter = Executors.newSingleThreadExecutor();
        Future<?> slow = slowWriter.submit(() -> transactions.executeWithoutResult(status -> {
            store(late);
            recorded.countDown();
            await(commit);
        }));
        assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
        store(early);

        JsonNode before = feed("/api/events?limit=1000" + after(cursor));
        List<String> firstCases = caseIds(before);
        commit.countDown();
        slow.get(10, TimeUnit.SECONDS);
        slowWriter.shutdown();
        JsonNode after = feed("/api/events?after=" + before.get("nextCursor").asText() + "&limit=1000");

        assertThat(firstCases).contains(early).doesNotContain(late);
        assertThat(caseIds(after)).containsOnlyOnce(late).doesNotContain(early);
        JsonNode again = feed("/api/events?after=" + after.get("nextCursor").asText() + "&limit=1000");
        assertThat(caseIds(again)).doesNotContain(late, early);
    }

    @Test
    void the_feed_filters_by_type_and_by_case() {
        String cursor = head();
        String caseId = openCase(Map.of("type", "COMPLAINT", "channel", "EMAIL", "customerId", customer(), "subject", "Late"));
        command(caseId, "replies", Map.of("agentId", "agent-1", "body", "Sorry"));

        JsonNode replies = feed("/api/events?type=AgentReplied&caseId=" + caseId + after(cursor));
        JsonNode all = feed("/api/events?caseId=" + caseId + after(cursor));

        assertThat(replies.get("events")).hasSize(1);
        assertThat(replies.get("events").get(0).get("type").asText()).isEqualTo("AgentReplied");
        assertThat(replies.get("events").get(0).get("actor").isNull()).isFalse();
        assertThat(all.get("events")).hasSize(2);
        assertThat(all.get("events").get(0).get("type").asText()).isEqualTo("CaseOpened");
    }

    @Test
    void the_bulk_export_streams_one_event_a_line_each_with_its_cursor() {
        String cursor = head();
        String caseId = openCase(Map.of("type", "INQUIRY", "channel", "WEB", "customerId", customer(), "subject", "Stock?"));
        command(caseId, "notes", Map.of("agentId", "agent-1", "body", "checked"));

        ResponseEntity<String> export = get("/api/events?caseId=" + caseId + after(cursor), "Accept", "application/x-ndjson");

        assertThat(export.getHeaders().getContentType().toString()).startsWith("application/x-ndjson");
        List<String> lines = export.getBody().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode second = readJson(lines.get(1));
        assertThat(second.get("sequence").asLong()).isEqualTo(1);
        JsonNode rest = feed("/api/events?after=" + readJson(lines.get(0)).get("cursor").asText() + "&caseId=" + caseId);
        assertThat(rest.get("events").get(0).get("eventId").asText()).isEqualTo(second.get("eventId").asText());
    }

    @Test
    void each_exported_line_is_the_event_as_a_page_gives_it_with_personal_texts_opened_or_erased() {
        String cursor = head();
        Map<String, Object> erasedOpening = inquiry();
        String erasedCustomer = (String) erasedOpening.get("customerId");
        String erasedCase = openCase(erasedOpening);
        command(erasedCase, "replies", Map.of("agentId", "agent-1", "body", "Your parcel left on Tuesday"));
        String keptCase = openCase(inquiry());
        command(keptCase, "notes", Map.of("agentId", "agent-1", "body", "Carrier says \"Thursday\" \u00e9\u00e8"));
        command(keptCase, "await-customer", Map.of("reason", "tracking number"));
        assertThat(post("/api/customers/" + erasedCustomer + "/erase", null).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> export = get("/api/events" + after(cursor).replaceFirst("&", "?"),
                "Accept", "application/x-ndjson");
        assertThat(export.getBody()).endsWith("\n");
        assertThat(export.getBody().lines()).allSatisfy(line -> assertThat(line).startsWith("{\"cursor\":"));
        List<JsonNode> lines = export.getBody().lines().map(EventFeedHttpTest::readJson).toList();
        List<JsonNode> paged = new ArrayList<>();
        String next = cursor;
        JsonNode page;
        do {
            page = feed("/api/events?limit=1000" + after(next));
            page.get("events").forEach(paged::add);
            next = page.get("nextCursor").isNull() ? next : page.get("nextCursor").asText();
        } while (!page.get("endOfStream").asBoolean());
        assertThat(lines).as("the export's lines and the pages' events").isEqualTo(paged);
        assertThat(lines).extracting(line -> line.get("type").asText())
                .containsSubsequence("CaseOpened", "AgentReplied", "CaseOpened", "InternalNoteAdded",
                        "CaseAwaitingCustomer", "CustomerErased");
        Map<String, JsonNode> payloads = new java.util.HashMap<>();
        lines.forEach(line -> payloads.put(line.get("caseId").asText() + " " + line.get("type").asText(),
                line.get("payload")));
        assertThat(payloads.get(erasedCase + " CaseOpened").get("subject").asText()).isEqualTo("[erased]");
        assertThat(payloads.get(erasedCase + " AgentReplied").get("body").asText()).isEqualTo("[erased]");
        assertThat(payloads.get(keptCase + " CaseOpened").get("subject").asText()).isEqualTo("Where is my parcel?");
        assertThat(payloads.get(keptCase + " InternalNoteAdded").get("body").asText())
                .isEqualTo("Carrier says \"Thursday\" \u00e9\u00e8");
        assertThat(payloads.get(keptCase + " CaseAwaitingCustomer").get("reason").asText())
                .isEqualTo("tracking number");
        assertThat(lines.get(0).get("occurredAt").asText()).isNotBlank();
    }

    @Test
    void a_cursor_the_feed_did_not_give_out_and_a_limit_out_of_range_are_refused() {
        assertThat(fields(problem(get("/api/events?after=not-a-cursor"), 400))).containsExactly("after");
        assertThat(fields(problem(get("/api/events?limit=0"), 400))).containsExactly("limit");
        assertThat(fields(problem(get("/api/events?limit=1001"), 400))).containsExactly("limit");
        assertThat(fields(problem(get("/api/events?type=CaseExploded"), 400))).containsExactly("type");
    }

    /** A cursor at the newest event recorded now, or null while the store is empty. */
    private String head() {
        String cursor = null;
        JsonNode page;
        do {
            page = feed("/api/events?limit=1000" + after(cursor));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (!page.get("endOfStream").asBoolean());
        return cursor;
    }

    /** The query parameter that continues after {@code cursor}; none at the very beginning (an empty store). */
    private static String after(String cursor) {
        return cursor == null ? "" : "&after=" + cursor;
    }

    private JsonNode feed(String path) {
        ResponseEntity<String> response = get(path);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return json(response);
    }

    private void store(String caseId) {
        eventStore.publish(new GenericDomainEventMessage<>("SupportCase", caseId, 0, new CaseOpened(caseId,
                CaseType.INQUIRY, Channel.PHONE, Category.OTHER, Priority.NORMAL, customer(), "Imported", null, null,
                null, Instant.now().minusSeconds(60)), MetaData.with(EventMetadata.ACTOR, "importer")));
    }

    private static List<String> caseIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("events").forEach(event -> ids.add(event.get("caseId").asText()));
        return ids;
    }

    private static boolean complete(Map<String, List<Long>> seen, Map<String, Long> expected) {
        return expected.size() == 48 && expected.entrySet().stream()
                .allMatch(entry -> seen.getOrDefault(entry.getKey(), List.of()).size() == entry.getValue() + 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode readJson(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + line, e);
        }
    }
}
