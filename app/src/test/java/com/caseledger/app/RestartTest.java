package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Stops CaseLedger and starts it again on the same data folder: nothing acknowledged is lost or counted twice. */
class RestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT = "/api/reports/service-levels?from=2025-06-01T00:00:00Z&to=2025-06-04T00:00:00Z&groupBy=day";

    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    /** Opened in July, outside the period and the list the snapshot compares. */
    private static final Map<String, Object> RETRIED_OPENING = Map.of("type", "INQUIRY", "channel", "WEB",
            "customerId", "restart-retrying-customer", "subject", "Did my order go through?",
            "occurredAt", "2025-07-01T09:00:00Z");

    private HttpResponse<String> retried;

    /** Rebuilds the projections beside the live ones and waits for the switch: the restart then starts on them. */
    private void rebuild(String base) throws Exception {
        post(base + "/api/admin/projections/all/rebuild", Map.of());
        for (int look = 0; look < 600; look++) {
            JsonNode status = get(base + "/api/admin/projections").get(0);
            if (status.get("status").asText().equals("LIVE")) {
                assertThat(status.get("lastRebuild").get("outcome").asText()).isEqualTo("SWITCHED");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the rebuild did not end within a minute");
    }

    @Test
    void views_history_and_report_are_the_same_after_a_restart_on_the_same_data_folder() throws Exception {
        Map<String, Long> versions = new LinkedHashMap<>();
        Map<String, JsonNode> before = new LinkedHashMap<>();
        try (ConfigurableApplicationContext first = start()) {
            String base = baseUrl(first);
            for (int day = 1; day <= 3; day++) {
                String at = "2025-06-0" + day + "T09:00:00Z";
                String caseId = post(base + "/api/cases", Map.of("type", "COMPLAINT", "channel", "PHONE",
                        "customerId", "restart-customer-" + day, "subject", "Parcel lost", "occurredAt", at)).get("caseId").asText();
                long version = post(base + "/api/cases/" + caseId + "/replies", Map.of("agentId", "restart-agent",
                        "body", "We are on it", "occurredAt", "2025-06-0" + day + "T10:00:00Z")).get("version").asLong();
                if (day < 3) {
                    version = post(base + "/api/cases/" + caseId + "/resolve", Map.of("resolutionCode", "RESENT",
                            "occurredAt", "2025-06-0" + day + "T12:00:00Z")).get("version").asLong();
                }
                versions.put(caseId, version);
            }
            before = snapshot(base, versions);
            rebuild(base);
            assertThat(snapshot(base, versions)).as("after a rebuild").isEqualTo(before);
            retried = postWithKey(base + "/api/cases", RETRIED_OPENING, "restart-retry-1");
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
            assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).as("the data lives in the folder given").exists();
        }

        try (ConfigurableApplicationContext second = start()) {
            String base = baseUrl(second);
            Map<String, JsonNode> after = snapshot(base, versions);

            HttpResponse<String> repeated = postWithKey(base + "/api/cases", RETRIED_OPENING, "restart-retry-1");
            assertThat(repeated.statusCode()).as("the first answer survives the restart").isEqualTo(201);
            assertThat(repeated.body()).isEqualTo(retried.body());
            assertThat(repeated.headers().firstValue("Idempotent-Replayed")).contains("true");
            String retriedCase = JSON.readTree(retried.body()).get("caseId").asText();
            assertThat(get(base + "/api/cases/" + retriedCase + "/history")).as("opened once").hasSize(1);

            assertThat(after).isEqualTo(before);
            assertThat(before.get("report").get("total").get("casesOpened").asLong()).isEqualTo(3);
            assertThat(before.get("report").get("total").get("casesResolved").asLong()).isEqualTo(2);

            String lastCase = new ArrayList<>(versions.keySet()).get(2);
            JsonNode resolved = post(base + "/api/cases/" + lastCase + "/resolve", Map.of("resolutionCode", "RESENT"));
            // a resolved complaint records CaseResolved and its automatic FollowUpScheduled
            assertThat(resolved.get("version").asLong()).isEqualTo(versions.get(lastCase) + 2);
            JsonNode view = get(base + "/api/cases/" + lastCase + "?minVersion=" + resolved.get("version").asLong());
            assertThat(view.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(get(base + "/api/cases/" + lastCase + "/history")).hasSize(4);
        }
    }

    private Map<String, JsonNode> snapshot(String base, Map<String, Long> versions) throws Exception {
        Map<String, JsonNode> snapshot = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : versions.entrySet()) {
            snapshot.put("view " + entry.getKey(), get(base + "/api/cases/" + entry.getKey() + "?minVersion=" + entry.getValue()));
            snapshot.put("history " + entry.getKey(), get(base + "/api/cases/" + entry.getKey() + "/history"));
        }
        snapshot.put("list", get(base + "/api/cases?openedFrom=2025-06-01T00:00:00Z&openedTo=2025-06-04T00:00:00Z"));
        snapshot.put("report", reportWhenComplete(base, versions.size()));
        return snapshot;
    }

    /** The report's projection is its own processor: wait until it has taken in every case. */
    private JsonNode reportWhenComplete(String base, int cases) throws Exception {
        JsonNode report = get(base + REPORT);
        for (int attempt = 0; attempt < 100 && !complete(report, cases); attempt++) {
            Thread.sleep(50);
            report = get(base + REPORT);
        }
        return report;
    }

    private static boolean complete(JsonNode report, int cases) {
        return report.get("total").get("casesOpened").asLong() == cases
                && report.get("total").get("casesResolved").asLong() >= 2;
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CaseLedgerApplication.class)
                .run("--server.port=0", "--caseledger.data-dir=" + dataDir);
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private JsonNode post(String url, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", CaseLedgerHttpTest.basic("admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> postWithKey(String url, Map<String, Object> body, String key) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", CaseLedgerHttpTest.basic("admin"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", CaseLedgerHttpTest.basic("admin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
