package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of the report tests: reading the service-level report and waiting for its projection. */
abstract class ReportHttpTest extends CaseLedgerHttpTest {

    protected static final String REPORT = "/api/reports/service-levels?";
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);

    protected JsonNode report(String query) {
        ResponseEntity<String> response = get(REPORT + query);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    /**
     * The report reads its own projection, which the case views' minVersion does not cover: polls the report
     * until it is complete, or gives up and lets the assertions show the difference.
     */
    protected void awaitReport(String query, Predicate<JsonNode> complete) {
        Instant deadline = Instant.now().plus(PROJECTION_WAIT);
        while (Instant.now().isBefore(deadline) && !complete.test(report(query))) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    protected static List<String> keys(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.get("groups").forEach(group -> keys.add(group.get("key").asText()));
        return keys;
    }

    protected static JsonNode group(JsonNode report, String key) {
        for (JsonNode group : report.get("groups")) {
            if (group.get("key").asText().equals(key)) {
                return group;
            }
        }
        throw new AssertionError("No group " + key + " in " + report.get("groups"));
    }
}
