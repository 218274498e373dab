package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that stops while clients keep sending commands answers each command it took (a 2xx whose case is in the
 * store after the restart) or does not take it (the connection is refused, or the answer is 503 before anything is
 * recorded); it never answers a command it then loses, nor fails one half-way with a 500.
 */
class GracefulShutdownTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().build();

    @TempDir
    Path dataDir;

    @Test
    void commands_running_when_the_node_stops_are_finished_or_refused_never_lost() throws Exception {
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> otherAnswers = new ConcurrentLinkedQueue<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try (ConfigurableApplicationContext node = start()) {
            String base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
            for (int c = 0; c < 6; c++) {
                int clientNumber = c;
                clients.submit(() -> {
                    for (int i = 0; sending.get(); i++) {
                        try {
                            HttpResponse<String> answer = open(base, "shutdown-customer-" + clientNumber + "-" + i);
                            if (answer.statusCode() == 201) {
                                acknowledged.add(JSON.readTree(answer.body()).get("caseId").asText());
                            } else {
                                otherAnswers.add(answer.statusCode());
                            }
                        } catch (IOException refused) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(3_000);
            // close() runs while the clients keep sending
        }
        sending.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(acknowledged).as("commands answered before and during the stop").isNotEmpty();
        assertThat(otherAnswers).as("no command answered with a failure").allMatch(status -> status == 503);

        try (ConfigurableApplicationContext node = start()) {
            String base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
            List<String> missing = new ArrayList<>();
            for (String caseId : acknowledged) {
                HttpResponse<String> history = client.send(HttpRequest.newBuilder(URI.create(base + "/api/cases/"
                                + caseId + "/history")).header("Authorization", CaseLedgerHttpTest.basic("admin"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode events = history.statusCode() == 200 ? JSON.readTree(history.body()) : null;
                if (events == null || events.isEmpty()) {
                    missing.add(caseId);
                }
            }
            assertThat(missing).as("acknowledged but not in the store").isEmpty();
        }
    }

    private HttpResponse<String> open(String base, String customerId) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/api/cases"))
                        .header("Authorization", CaseLedgerHttpTest.basic("admin"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("type", "INQUIRY",
                                "channel", "WEB", "customerId", customerId, "subject", "Where is my parcel?"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CaseLedgerApplication.class)
                .run("--server.port=0", "--caseledger.data-dir=" + dataDir);
    }
}
