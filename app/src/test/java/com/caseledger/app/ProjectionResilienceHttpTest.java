package com.caseledger.app;

import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.EventMetadata;
import com.caseledger.events.InternalNoteAdded;
import com.caseledger.events.Priority;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No recorded event stops the read side: an event that holds text PostgreSQL cannot store is still projected and
 * readable, and while a projection batch keeps failing the health endpoint says so instead of UP.
 */
class ProjectionResilienceHttpTest extends CaseLedgerHttpTest {

    private static final String REPLACEMENT = "\uFFFD";

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_event_stored_with_a_nul_character_and_an_unpaired_surrogate_is_projected_and_readable() {
        String caseId = "imported-" + UUID.randomUUID();
        Instant openedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        store(caseId, 0, new CaseOpened(caseId, CaseType.COMPLAINT, Channel.EMAIL, Category.PRODUCT, Priority.NORMAL,
                "nul\u0000cust", "a\u0000b \uD800 c", "broken \u0000 kettle", null, null, openedAt));
        store(caseId, 1, new InternalNoteAdded(caseId, "agent\u0000x", "note\u0000", openedAt.plusSeconds(60)));

        JsonNode view = view(caseId, 1);
        assertThat(view.get("customerId").asText()).isEqualTo("nul" + REPLACEMENT + "cust");
        assertThat(view.get("subject").asText()).isEqualTo("a" + REPLACEMENT + "b " + REPLACEMENT + " c");

        JsonNode history = json(get("/api/cases/" + caseId + "/history"));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("payload").get("customerId").asText()).isEqualTo("nul\u0000cust");

        JsonNode state = json(get("/api/cases/" + caseId + "/state?asOf=" + openedAt.plusSeconds(30)));
        assertThat(state.get("version").asLong()).isZero();

        List<String> later = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            later.add(openCase(Map.of("type", "INQUIRY", "channel", "CHAT", "customerId", customer(), "subject", "Size?")));
        }
        later.forEach(opened -> assertThat(view(opened, 0).get("caseId").asText()).isEqualTo(opened));
        long reply = command(caseId, "replies", Map.of("agentId", "agent-1", "body", "We are on it"));
        assertThat(view(caseId, reply).get("replies").asInt()).isEqualTo(1);
        assertThat(projectionsHealth()).isEqualTo("UP");
    }

    @Test
    void health_is_down_while_a_batch_that_cannot_even_park_its_failing_case_keeps_failing_and_up_again_once_it_passes()
            throws Exception {
        String poisoned = "poisoned-" + UUID.randomUUID();
        jdbc.execute("""
                create function projections.refuse_poisoned() returns trigger language plpgsql as $$
                begin
                    if new.customer_id = '%s' then raise exception 'refused by the test'; end if;
                    return new;
                end $$""".formatted(poisoned));
        jdbc.execute("create trigger refuse_poisoned before insert or update on projections.case_view "
                + "for each row execute function projections.refuse_poisoned()");
        // a case whose view fails is parked; a batch fails as a whole only when it cannot park the case either
        jdbc.execute("""
                create function projections.refuse_parking() returns trigger language plpgsql as $$
                begin
                    raise exception 'parking refused by the test';
                end $$""");
        jdbc.execute("create trigger refuse_parking before insert on projections.dead_letter_entry "
                + "for each row execute function projections.refuse_parking()");
        try {
            String caseId = openCase(Map.of("type", "INQUIRY", "channel", "EMAIL", "customerId", poisoned, "subject", "Hello"));

            assertThat(awaitHealth(status -> status.equals("DOWN"), Duration.ofSeconds(20))).isEqualTo("DOWN");
            assertThat(get("/api/cases/" + caseId).getStatusCode().value()).isEqualTo(404);
            // recorded but not yet in the view: a documented 503 with Retry-After (read past the no-5xx check)
            String path = "/api/cases/" + caseId + "?minVersion=0";
            ResponseEntity<String> behind = RawHttp.send(port, "GET", path, null);
            assertThat(behind.getStatusCode().value()).as(behind.getBody()).isEqualTo(503);
            assertThat(behind.getHeaders().getFirst("Retry-After")).isNotBlank();
            assertThat(behind.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(ServedApiDocument.violations(http, HttpMethod.GET, path, behind)).isEmpty();

            jdbc.execute("drop trigger refuse_parking on projections.dead_letter_entry");
            jdbc.execute("drop trigger refuse_poisoned on projections.case_view");
            assertThat(awaitView(caseId, Duration.ofSeconds(90)).get("customerId").asText()).isEqualTo(poisoned);
            assertThat(awaitHealth(status -> status.equals("UP"), Duration.ofSeconds(10))).isEqualTo("UP");
        } finally {
            jdbc.execute("drop trigger if exists refuse_parking on projections.dead_letter_entry");
            jdbc.execute("drop function if exists projections.refuse_parking()");
            jdbc.execute("drop trigger if exists refuse_poisoned on projections.case_view");
            jdbc.execute("drop function if exists projections.refuse_poisoned()");
        }
    }

    private void store(String caseId, long sequence, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("SupportCase", caseId, sequence, event,
                MetaData.with(EventMetadata.ACTOR, "importer")));
    }

    private String projectionsHealth() {
        // read past the answers every test checks for 5xx: a DOWN health is answered 503 on purpose
        ResponseEntity<String> response = RawHttp.send(port, "GET", "/actuator/health", null);
        return json(response).path("components").path("projections").path("status").asText();
    }

    private String awaitHealth(Predicate<String> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String status = projectionsHealth();
        while (!wanted.test(status) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = projectionsHealth();
        }
        return status;
    }

    private JsonNode awaitView(String caseId, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        ResponseEntity<String> response = get("/api/cases/" + caseId);
        while (response.getStatusCode().value() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = get("/api/cases/" + caseId);
        }
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }
}
