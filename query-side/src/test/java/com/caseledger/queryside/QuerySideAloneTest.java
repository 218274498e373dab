package com.caseledger.queryside;

import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side runs on its own: it projects whatever the event store holds, whoever recorded it. */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "caseledger.data-dir=target/test-data/${random.uuid}")
class QuerySideAloneTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Test
    void a_case_recorded_in_the_store_shows_in_the_query_sides_view_and_history() {
        String caseId = UUID.randomUUID().toString();
        Instant openedAt = Instant.parse("2026-02-01T08:00:00Z");
        eventStore.publish(new GenericDomainEventMessage<>("SupportCase", caseId, 0,
                new CaseOpened(caseId, CaseType.INQUIRY, Channel.WEB, Category.PAYMENT, Priority.HIGH, "query-alone",
                        "Card declined", null, null, null, openedAt)));

        ResponseEntity<Map> view = http.withBasicAuth("auditor", "auditor").getForEntity("/api/cases/" + caseId + "?minVersion=0", Map.class);
        assertThat(view.getStatusCode().value()).isEqualTo(200);
        assertThat(view.getBody()).containsEntry("subject", "Card declined")
                .containsEntry("status", "OPEN")
                .containsEntry("openedAt", "2026-02-01T08:00:00Z");

        ResponseEntity<List> history = http.withBasicAuth("auditor", "auditor").getForEntity("/api/cases/" + caseId + "/history", List.class);
        assertThat(history.getBody()).hasSize(1);
    }

    @Test
    void the_query_side_alone_takes_no_commands() {
        ResponseEntity<String> response = http.withBasicAuth("agent", "agent").postForEntity("/api/cases/any/resolve", Map.of("resolutionCode", "X"), String.class);

        assertThat(response.getStatusCode().value()).isIn(404, 405);
    }
}
