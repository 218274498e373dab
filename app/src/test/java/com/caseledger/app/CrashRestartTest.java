package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed with kill -9 leaves its PostgreSQL running on the data folder: one start on that folder must still
 * come up with the ledger's history, and a node must never stop the PostgreSQL of a node that is still alive. Each
 * node is its own java process, as in production; their output is kept in target/crash-restart/.
 */
class CrashRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A cold JVM and a first initdb on a machine shared with other builds. */
    private static final Duration FIRST_START = Duration.ofSeconds(120);
    private static final Duration START_AFTER_CRASH = Duration.ofSeconds(60);
    private static final Duration REFUSAL = Duration.ofSeconds(60);
    private static final Path LOGS = Path.of("target", "crash-restart");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Node> nodes = new ArrayList<>();
    private String testName;

    @TempDir
    Path dataDir;

    @BeforeEach
    void nameLogsAfter(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stopNodesAndTheirDatabase() throws Exception {
        for (Node node : nodes) {
            node.stop();
        }
        Optional<ProcessHandle> postgres = postgresOnDataDir();
        if (postgres.isPresent()) {
            stop(postgres.get());
        }
    }

    @Test
    void one_start_after_a_crash_comes_up_on_the_same_data_folder_with_the_history() throws Exception {
        Node crashed = start("crashed");
        crashed.awaitHealthy(FIRST_START);
        String caseId = crashed.openCase();

        crashed.kill();
        long killedAt = System.nanoTime();
        ProcessHandle orphan = postgresOnDataDir()
                .orElseThrow(() -> new AssertionError("the crashed node's PostgreSQL should still run on the folder"));

        Node restarted = start("restarted");
        restarted.awaitHealthy(START_AFTER_CRASH);
        System.out.printf("kill -9 to healthy: %.1f s%n", (System.nanoTime() - killedAt) / 1e9);
        assertThat(orphan.isAlive()).as("the crashed node's PostgreSQL, stopped before the new one started").isFalse();

        JsonNode history = restarted.get("/api/cases/" + caseId + "/history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("type").asText()).isEqualTo("CaseOpened");
    }

    @Test
    void a_second_node_on_a_live_nodes_folder_refuses_to_start_and_leaves_its_database_running() throws Exception {
        Node first = start("first");
        first.awaitHealthy(FIRST_START);
        String caseId = first.openCase();
        ProcessHandle firstsPostgres = postgresOnDataDir().orElseThrow();

        Node second = start("second");
        assertThat(second.awaitExit(REFUSAL)).as("the second node's exit code").isNotZero();
        assertThat(second.output()).contains("in use by another CaseLedger node")
                .contains(dataDir.toRealPath().toString());

        assertThat(firstsPostgres.isAlive()).as("the first node's PostgreSQL is still running").isTrue();
        assertThat(first.get("/api/cases/" + caseId + "/history")).hasSize(1);
    }

    private Node start(String name) throws IOException {
        Files.createDirectories(LOGS);
        Node node = new Node(LOGS.resolve(testName + "-" + name + ".log"), freePort());
        nodes.add(node);
        return node;
    }

    /** The postmaster serving this test's folder, found by the {@code -D} it was started with. */
    private Optional<ProcessHandle> postgresOnDataDir() {
        return ProcessHandle.allProcesses().filter(process -> {
            List<String> args = process.info().arguments().map(Arrays::asList).orElse(List.of());
            int option = args.indexOf("-D");
            return option >= 0 && option + 1 < args.size() && isPostgresFolder(Path.of(args.get(option + 1)));
        }).findFirst();
    }

    private boolean isPostgresFolder(Path folder) {
        try {
            return Files.isSameFile(folder, dataDir.resolve("postgres"));
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM first, so that a node closes its PostgreSQL and a PostgreSQL writes its shutdown checkpoint. */
    private static void stop(ProcessHandle process) throws Exception {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * CaseLedger as its own java process on this test's data folder. Surefire's forked JVM reports the test classpath
     * itself, not its booter jar, as {@code java.class.path}: the node runs the classes under test.
     */
    private final class Node {

        private final Path log;
        private final String base;
        private final Process process;

        Node(Path log, int port) throws IOException {
            this.log = log;
            this.base = "http://localhost:" + port;
            this.process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CaseLedgerApplication.class.getName(),
                    "--server.port=" + port, "--caseledger.data-dir=" + dataDir)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        }

        void awaitHealthy(Duration bound) throws Exception {
            long deadline = System.nanoTime() + bound.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("node exited with %s; see %s", exitCode(), log).isTrue();
                if (healthy()) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("node not healthy within " + bound + "; see " + log);
        }

        private boolean healthy() throws Exception {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).header("Authorization", CaseLedgerHttpTest.basic("admin"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200
                        && JSON.readTree(response.body()).get("status").asText().equals("UP");
            } catch (ConnectException e) {
                return false;
            }
        }

        String openCase() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cases")).header("Authorization", CaseLedgerHttpTest.basic("admin"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"type":"INQUIRY","channel":"EMAIL","customerId":"c-1","subject":"Where is my parcel?"}"""))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode opened = JSON.readTree(response.body());
            assertThat(opened.get("version").asLong()).isZero();
            return opened.get("caseId").asText();
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", CaseLedgerHttpTest.basic("admin")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        /** kill -9: no shutdown hook runs, as when the machine's OOM killer or an operator ends the node. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        int awaitExit(Duration bound) throws InterruptedException {
            assertThat(process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS))
                    .as("node still running after %s; see %s", bound, log).isTrue();
            return process.exitValue();
        }

        String output() throws IOException {
            return Files.readString(log);
        }

        void stop() throws Exception {
            if (process.isAlive()) {
                CrashRestartTest.stop(process.toHandle());
            }
        }

        private String exitCode() {
            return process.isAlive() ? "nothing yet" : String.valueOf(process.exitValue());
        }
    }
}
