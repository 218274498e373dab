package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two all-in-one nodes on one PostgreSQL take commands for the same cases concurrently (each case's commands go to
 * both nodes in turn) and share the read side's two segments, and either node answers a {@code minVersion} read of
 * any case, and a refund race on one order across the nodes lets exactly one request through; one node stops midway
 * and the other takes its segment over. In the end every case view, history and the report equal those of one node that took the same commands, no
 * event is lost or repeated, and each segment is claimed by the one live node.
 */
class ManyNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = 24;
    private static final Instant START = Instant.parse("2025-03-03T08:00:00Z");
    private static final String REPORT = "/api/reports/service-levels?from=2025-03-03T00:00:00Z"
            + "&to=2025-03-05T00:00:00Z&groupBy=channel";
    private static final String PROCESSOR = "--axon.eventhandling.processors.case-projections.";

    private final NodeClient client = new NodeClient();

    @TempDir
    Path singleNodeData;

    @Test
    void two_nodes_with_one_stopped_midway_end_where_one_node_ends() throws Exception {
        Map<String, JsonNode> single;
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(CaseLedgerApplication.class)
                .run("--server.port=0", "--caseledger.data-dir=" + singleNodeData)) {
            String base = NodeClient.baseUrl(node);
            List<String> cases = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                cases.add(runCase(i, List.of(base)));
            }
            single = outcome(base, cases);
        }

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());
            ConfigurableApplicationContext first = startNode(url, "node-a", 1);
            awaitClaims(database, "node-a", 1);
            try (ConfigurableApplicationContext second = startNode(url, "node-b", 2)) {
                awaitClaims(database, "node-b", 1);
                List<String> bases = List.of(NodeClient.baseUrl(first), NodeClient.baseUrl(second));
                List<String> cases = new ArrayList<>(runConcurrently(0, CASES / 2, bases));
                for (String caseId : cases) {
                    long version = client.get(bases.get(0) + "/api/cases/" + caseId + "/history").size() - 1;
                    for (String base : bases) {
                        assertThat(client.get(base + "/api/cases/" + caseId + "?minVersion=" + version).get("version")
                                .asLong()).as("read-your-writes on either node").isEqualTo(version);
                    }
                }

                refundRacesAcrossNodes(bases);
                rebuildOnOneNode(database, bases, cases);

                first.close();
                cases.addAll(runConcurrently(CASES / 2, CASES, List.of(bases.get(1))));
                awaitClaims(database, "node-b", 2);

                Map<String, JsonNode> shared = outcome(bases.get(1), cases);
                assertThat(shared).isEqualTo(single);
                assertThat(database.queryForList("select owner from projections.token_entry "
                        + "where processor_name = 'case-projections' order by segment", String.class))
                        .as("each segment claimed by the one live node").containsExactly("node-b", "node-b");
                assertThat(database.queryForObject("select count(*) from (select aggregate_identifier, sequence_number "
                        + "from eventstore.domain_event_entry group by 1, 2 having count(*) > 1) repeated", Long.class))
                        .isZero();
            } finally {
                first.close();
            }
        }
    }

    /**
     * A rebuild on one node while the other holds a segment of the live processor: both nodes read the same views and
     * report before, during and after it, both segments are claimed again after the switch, and commands on either
     * node go on reaching the views on both.
     */
    private void rebuildOnOneNode(JdbcTemplate database, List<String> bases, List<String> cases) throws Exception {
        Map<String, JsonNode> before = outcome(bases.get(0), cases);
        JsonNode started = client.send(bases.get(1) + "/api/admin/projections/all/rebuild", "POST", Map.of(), 202);
        assertThat(started.get(0).get("status").asText()).isEqualTo("REBUILDING");
        JsonNode status = started.get(0);
        for (int look = 0; look < 1200 && !status.get("status").asText().equals("LIVE"); look++) {
            assertThat(outcome(bases.get(0), cases)).as("the other node answers during the rebuild").isEqualTo(before);
            Thread.sleep(100);
            status = client.get(bases.get(1) + "/api/admin/projections").get(0);
        }
        assertThat(status.get("lastRebuild").get("outcome").asText()).isEqualTo("SWITCHED");
        assertThat(client.get(bases.get(0) + "/api/admin/projections").get(0).get("status").asText()).isEqualTo("LIVE");
        for (int attempt = 0; attempt < 300 && database.queryForObject("select count(*) from projections.token_entry "
                + "where processor_name = 'case-projections' and owner is not null", Long.class) < 2; attempt++) {
            Thread.sleep(100);
        }
        assertThat(database.queryForList("select owner from projections.token_entry "
                + "where processor_name = 'case-projections'", String.class))
                .as("both segments claimed again after the switch").doesNotContainNull().hasSize(2);
        for (String base : bases) {
            assertThat(outcome(base, cases)).as("the rebuilt views on " + base).isEqualTo(before);
        }
    }

    /**
     * Two cases on one order, a refund of 200.00 requested on each at the same instant through different nodes: the
     * order (300.00) has room for one, and its hold, a row lock in the transaction that records the request, lets
     * exactly one through.
     */
    private void refundRacesAcrossNodes(List<String> bases) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int race = 0; race < 5; race++) {
                String orderId = "many-nodes-order-" + race;
                List<String> cases = new ArrayList<>();
                for (int side = 0; side < 2; side++) {
                    cases.add(client.post(bases.get(side) + "/api/cases", Map.of("type", "COMPLAINT",
                            "channel", "EMAIL", "customerId", "many-nodes-refund-customer-" + race,
                            "subject", "Broken on arrival", "orderId", orderId,
                            "orderAmount", Map.of("amount", "300.00", "currency", "EUR"))).get("caseId").asText());
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int side = 0; side < 2; side++) {
                    String url = bases.get(side) + "/api/cases/" + cases.get(side) + "/refunds";
                    answers.add(clients.submit(() -> {
                        go.await();
                        return client.send(url, "POST", Map.of("kind", "REFUND_ONLY",
                                "amount", Map.of("amount", "200.00", "currency", "EUR"),
                                "reason", "arrived broken")).statusCode();
                    }));
                }
                go.countDown();
                assertThat(List.of(answers.get(0).get(30, TimeUnit.SECONDS), answers.get(1).get(30, TimeUnit.SECONDS)))
                        .as("race %d", race).containsExactlyInAnyOrder(201, 409);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private ConfigurableApplicationContext startNode(String jdbcUrl, String nodeId, int threads) {
        return new SpringApplicationBuilder(CaseLedgerApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                        "--caseledger.cases.cache=false", "--caseledger.query.node-id=" + nodeId,
                        PROCESSOR + "initial-segment-count=2", PROCESSOR + "thread-count=" + threads,
                        "--axon.eventhandling.tokenstore.claim-timeout=5s");
    }

    private static void awaitClaims(JdbcTemplate database, String nodeId, int segments) throws InterruptedException {
        String claimed = "select count(*) from projections.token_entry where processor_name = 'case-projections' "
                + "and owner = ?";
        for (int attempt = 0; attempt < 300; attempt++) {
            List<Long> count = database.queryForList(claimed, Long.class, nodeId);
            if (!count.isEmpty() && count.get(0) == segments) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(nodeId + " did not come to hold " + segments + " segment(s) within 30 s");
    }

    private List<String> runConcurrently(int from, int to, List<String> bases) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<Integer, Future<String>> running = new ConcurrentHashMap<>();
            for (int i = from; i < to; i++) {
                int index = i;
                running.put(i, pool.submit(() -> runCase(index, bases)));
            }
            List<String> cases = new ArrayList<>();
            for (int i = from; i < to; i++) {
                cases.add(running.get(i).get());
            }
            return cases;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One case's imported history; its commands go to the nodes in turn. */
    private String runCase(int index, List<String> bases) throws Exception {
        Instant opened = START.plusSeconds(600L * index);
        String type = index % 3 == 0 ? "COMPLAINT" : "INQUIRY";
        String channel = index % 2 == 0 ? "EMAIL" : "CHAT";
        String caseId = client.post(bases.get(index % bases.size()) + "/api/cases", Map.of("type", type, "channel", channel,
                "customerId", "many-nodes-customer-" + index, "subject", "Parcel " + index,
                "occurredAt", opened.toString())).get("caseId").asText();
        String path = "/api/cases/" + caseId;
        client.post(bases.get((index + 1) % bases.size()) + path + "/replies", Map.of("agentId", "many-nodes-agent",
                "body", "Looking into it", "occurredAt", opened.plusSeconds(900 + index).toString()));
        client.post(bases.get(index % bases.size()) + path + "/customer-messages", Map.of("body", "Thanks",
                "occurredAt", opened.plusSeconds(1800).toString()));
        if (index % 4 != 3) {
            client.post(bases.get((index + 1) % bases.size()) + path + "/resolve", Map.of("resolutionCode", "ANSWERED",
                    "occurredAt", opened.plusSeconds(3600 + 60L * index).toString()));
        }
        return caseId;
    }

    /** Every case's view and history by customer, ids left out, and the report. */
    private Map<String, JsonNode> outcome(String base, List<String> cases) throws Exception {
        Map<String, JsonNode> outcome = new TreeMap<>();
        for (String caseId : cases) {
            JsonNode history = client.get(base + "/api/cases/" + caseId + "/history");
            JsonNode view = client.get(base + "/api/cases/" + caseId + "?minVersion=" + (history.size() - 1));
            List<String> types = new ArrayList<>();
            for (JsonNode entry : history) {
                types.add(entry.get("sequence").asText() + " " + entry.get("type").asText());
            }
            String customer = view.get("customerId").asText();
            outcome.put(customer + " view", withoutIds(view));
            outcome.put(customer + " history", JSON.valueToTree(types));
        }
        outcome.put("report", reportOf(base, cases.size()));
        return outcome;
    }

    private JsonNode reportOf(String base, int cases) throws Exception {
        JsonNode report = client.get(base + REPORT);
        for (int attempt = 0; attempt < 100 && report.get("total").get("casesOpened").asInt() < cases; attempt++) {
            Thread.sleep(100);
            report = client.get(base + REPORT);
        }
        return report;
    }

    private static JsonNode withoutIds(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.endsWith("Id") && !name.equals("customerId") && !name.equals("agentId")) {
                    names.remove();
                }
            }
            object.forEach(ManyNodesTest::strip);
        } else if (node.isArray()) {
            node.forEach(ManyNodesTest::strip);
        }
    }
}
