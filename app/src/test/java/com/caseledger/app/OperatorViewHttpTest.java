package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator sees: the correlation id and the user in every log line of a request, and Prometheus metrics. */
@ExtendWith(OutputCaptureExtension.class)
class OperatorViewHttpTest extends CaseLedgerHttpTest {

    @Autowired
    private LoggingSystem logging;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private EventStorageEngine storageEngine;

    @Autowired
    private CommandBus commandBus;

    @Autowired
    private QueryBus queryBus;

    @Test
    void a_requests_log_lines_and_its_events_carry_its_correlation_id_and_user(CapturedOutput output) {
        String correlationId = "trace-" + UUID.randomUUID();
        logging.setLogLevel("caseledger.access", LogLevel.INFO);
        try {
            ResponseEntity<String> opened = post("/api/cases", Map.of("type", "INQUIRY", "channel", "EMAIL",
                    "customerId", customer(), "subject", "Hi"), as("agent", "X-Correlation-Id", correlationId));

            assertThat(opened.getHeaders().getFirst("X-Correlation-Id")).isEqualTo(correlationId);
            assertThat(output.getOut()).contains("[" + correlationId + " agent]")
                    .containsPattern("caseledger.access +\\[" + correlationId + " agent\\] : POST /api/cases 201 \\d+ ms");
        } finally {
            logging.setLogLevel("caseledger.access", null);
        }
    }

    @Test
    void without_a_correlation_id_the_answer_names_the_one_its_events_record() {
        ResponseEntity<String> opened = post("/api/cases", Map.of("type", "INQUIRY", "channel", "EMAIL",
                "customerId", customer(), "subject", "Hi"));
        String caseId = json(opened).get("caseId").asText();

        String given = opened.getHeaders().getFirst("X-Correlation-Id");
        JsonNode history = json(get("/api/cases/" + caseId + "/history"));

        assertThat(given).isNotBlank();
        assertThat(history.get(0).get("correlationId").asText()).isEqualTo(given);
    }

    @Test
    void prometheus_metrics_are_for_admins() {
        post("/api/cases", Map.of("type", "INQUIRY", "channel", "EMAIL", "customerId", customer(), "subject", "Hi"));

        ResponseEntity<String> metrics = RawHttp.send(port, "GET", "/actuator/prometheus", null);
        ResponseEntity<String> forAgent = RawHttp.send(port, "GET", "/actuator/prometheus", null,
                "Authorization", basic("agent"));

        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes",
                "hikaricp_connections_active");
        assertThat(forAgent.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void prometheus_shows_commands_events_appended_and_the_processors_position_and_lag() throws Exception {
        String caseId = json(post("/api/cases", Map.of("type", "INQUIRY", "channel", "EMAIL", "customerId", customer(),
                "subject", "Hi"))).get("caseId").asText();
        long version = json(post("/api/cases/" + caseId + "/notes", Map.of("agentId", "admin", "body", "Noted")))
                .get("version").asLong();
        get("/api/cases/" + caseId + "?minVersion=" + version);

        String metrics = RawHttp.send(port, "GET", "/actuator/prometheus", null).getBody();

        assertThat(metrics).containsPattern("commandBus_successCounter_total\\{[^}]*payloadType=\"OpenCase\"")
                .containsPattern("commandBus_allTimer_seconds_count\\{[^}]*payloadType=\"AddInternalNote\"")
                .containsPattern("caseledger_events_appended_total\\{type=\"CaseOpened\"}")
                .containsPattern("caseledger_processor_position\\{processor=\"case-projections\"} \\d")
                .containsPattern("caseledger_processor_head\\{processor=\"case-projections\"} \\d")
                .containsPattern("caseledger_processor_lag_events\\{processor=\"case-projections\"} \\d")
                .containsPattern("caseledger_processor_lag_seconds\\{processor=\"case-projections\"} \\d")
                .doesNotContain("eventProcessor_");
    }

    @Test
    void readiness_covers_the_database_the_event_store_and_the_processors() throws Exception {
        ResponseEntity<String> readiness = RawHttp.send(port, "GET", "/actuator/health/readiness", null,
                "Authorization", basic("admin"));
        ResponseEntity<String> liveness = anonymous.getForEntity("/actuator/health/liveness", String.class);

        assertThat(readiness.getStatusCode().value()).as(readiness.getBody()).isEqualTo(200);
        JsonNode components = json(readiness).get("components");
        assertThat(components.fieldNames()).toIterable()
                .contains("readinessState", "db", "eventStore", "eventProcessors", "projections");
        assertThat(components.get("eventProcessors").get("details").get("case-projections").asText())
                .isEqualTo("running");
        assertThat(liveness.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void without_axon_server_the_events_are_in_postgresql_and_commands_and_queries_stay_in_the_node() {
        assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(commandBus).isInstanceOf(SimpleCommandBus.class);
        assertThat(queryBus).isInstanceOf(SimpleQueryBus.class);
    }
}
