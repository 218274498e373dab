package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA timers are persistent (db-scheduler's table in PostgreSQL): a timer set before a restart fires after it, and a
 * timer fires once however many nodes share the database. Each test runs CaseLedger itself, on a data folder of its
 * own, with a first reply target of a few seconds.
 */
class SlaTimersAcrossNodesTest {

    private static final long FIRST_REPLY_SECONDS = 4;

    private final NodeClient client = new NodeClient();

    @TempDir
    Path dataDir;

    @Test
    void a_timer_set_before_a_restart_records_the_breach_once_after_it() throws Exception {
        String caseId;
        Instant dueAt;
        try (ConfigurableApplicationContext node = start()) {
            String base = NodeClient.baseUrl(node);
            definePolicy(base);
            JsonNode opened = client.post(base + "/api/cases", opening("restart-timer-customer"));
            caseId = opened.get("caseId").asText();
            dueAt = firstReplyDue(base, caseId);
        }
        // the application is down when the target falls due
        sleepUntil(dueAt.plusSeconds(1));

        try (ConfigurableApplicationContext node = start()) {
            String base = NodeClient.baseUrl(node);
            List<JsonNode> breaches = breachesWhenRecorded(base, caseId, 1);
            assertThat(breaches).hasSize(1);
            assertThat(breaches.get(0).get("payload").get("target").asText()).isEqualTo("FIRST_REPLY");
            assertThat(Instant.parse(breaches.get(0).get("occurredAt").asText())).isEqualTo(dueAt);
            assertThat(breaches.get(0).get("actor").asText()).isEqualTo("system");

            Thread.sleep(5_000);
            assertThat(breaches(base, caseId)).as("a timer fires once").hasSize(1);
            JsonNode view = client.get(base + "/api/cases/" + caseId + "?minVersion=" + version(base, caseId));
            assertThat(view.get("sla").get("firstReply").get("status").asText()).isEqualTo("BREACHED");
            assertThat(Instant.parse(view.get("sla").get("firstReply").get("breachedAt").asText())).isEqualTo(dueAt);
        }
    }

    @Test
    void two_nodes_on_one_database_record_each_breach_once() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            HikariDataSource database = first.getBean(DataSource.class).unwrap(HikariDataSource.class);
            try (ConfigurableApplicationContext second = startOn(database.getJdbcUrl(), database.getUsername())) {
                String[] bases = {NodeClient.baseUrl(first), NodeClient.baseUrl(second)};
                definePolicy(bases[0]);
                List<String> cases = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    cases.add(client.post(bases[i % 2] + "/api/cases", opening("two-nodes-timer-customer-" + i))
                            .get("caseId").asText());
                }
                Instant lastDue = firstReplyDue(bases[0], cases.get(cases.size() - 1));
                sleepUntil(lastDue.plusSeconds(1));
                for (String caseId : cases) {
                    breachesWhenRecorded(bases[0], caseId, 1);
                }
                Thread.sleep(5_000);
                for (String caseId : cases) {
                    assertThat(breaches(bases[1], caseId)).as("breaches of " + caseId).hasSize(1);
                }
            }
        }
    }

    private void definePolicy(String base) throws Exception {
        client.send(base + "/api/admin/sla/policies/fast-first-reply", "PUT", Map.of("name", "Fast first reply",
                "position", 1, "targets", Map.of("firstReplySeconds", FIRST_REPLY_SECONDS)), 201);
    }

    private static Map<String, Object> opening(String customerId) {
        return Map.of("type", "INQUIRY", "channel", "CHAT", "customerId", customerId, "subject", "Where is my parcel?");
    }

    private Instant firstReplyDue(String base, String caseId) throws Exception {
        JsonNode view = client.get(base + "/api/cases/" + caseId + "?minVersion=" + version(base, caseId));
        return Instant.parse(view.get("sla").get("firstReply").get("dueAt").asText());
    }

    private long version(String base, String caseId) throws Exception {
        JsonNode history = client.get(base + "/api/cases/" + caseId + "/history");
        return history.size() - 1;
    }

    private List<JsonNode> breachesWhenRecorded(String base, String caseId, int expected) throws Exception {
        List<JsonNode> breaches = breaches(base, caseId);
        for (int attempt = 0; attempt < 150 && breaches.size() < expected; attempt++) {
            Thread.sleep(100);
            breaches = breaches(base, caseId);
        }
        return breaches;
    }

    private List<JsonNode> breaches(String base, String caseId) throws Exception {
        return StreamSupport.stream(client.get(base + "/api/cases/" + caseId + "/history").spliterator(), false)
                .filter(entry -> entry.get("type").asText().equals("SlaTargetBreached"))
                .toList();
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CaseLedgerApplication.class)
                .run("--server.port=0", "--caseledger.data-dir=" + dataDir, "--caseledger.cases.cache=false");
    }

    private ConfigurableApplicationContext startOn(String jdbcUrl, String username) {
        return new SpringApplicationBuilder(CaseLedgerApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + username,
                        "--caseledger.cases.cache=false");
    }
}
