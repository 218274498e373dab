package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of the report tests: reading the service-level report (as JSON or CSV) and waiting for its projection. */
abstract class ReportHttpTest extends CaseLedgerHttpTest {

    protected static final String REPORT = "/api/reports/service-levels?";
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);

    /** The application under test: a backfilled history is recorded once per application (see ReportScenario). */
    @Autowired
    private ApplicationContext application;

    ApplicationContext application() {
        return application;
    }

    protected JsonNode report(String query) {
        ResponseEntity<String> response = get(REPORT + query);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    /**
     * The report covers every case of a period, in every segment of the read side, which one case's minVersion does
     * not: polls the report until it is complete, or gives up and lets the assertions show the difference.
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

    /** The report as CSV; fails unless the answer is 200 text/csv and every row has a cell per column. */
    protected CsvReport csv(String query) {
        ResponseEntity<String> response = get(REPORT + query, "Accept", "text/csv");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        List<String> lines = List.of(response.getBody().split("\r?\n"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).as(line).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells[i]);
            }
            rows.add(row);
        }
        return new CsvReport(lines.get(0), header, rows);
    }

    /** A CSV report: its header line, the columns it names, and the rows in order, each cell by its column. */
    protected record CsvReport(String headerLine, List<String> header, List<Map<String, String>> rows) {

        /** The rows by their key (the group, or TOTAL), in the report's order. */
        Map<String, Map<String, String>> byKey() {
            Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
            rows.forEach(row -> byKey.put(row.get("key"), row));
            return byKey;
        }
    }
}
