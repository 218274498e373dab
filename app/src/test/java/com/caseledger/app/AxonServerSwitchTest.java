package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code axon.axonserver.enabled=true} the events, commands and queries go through Axon Server, and a node that
 * cannot reach it starts but is not ready. (Without the switch: {@code OperatorViewHttpTest}.)
 */
class AxonServerSwitchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void with_the_switch_on_the_event_store_and_the_buses_are_axon_servers_and_no_jdbc_store_is_left() throws Exception {
        try (ConfigurableApplicationContext node = startWithUnreachableAxonServer()) {
            assertThat(node.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(node.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(node.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(node.getBeanNamesForType(EventStorageEngine.class)).as("no engine on the PostgreSQL tables").isEmpty();

            HttpResponse<String> readiness = get(node, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
            JsonNode axonServer = JSON.readTree(readiness.body()).get("components").get("axonServer");
            assertThat(axonServer.get("status").asText()).as(readiness.body()).isEqualTo("DOWN");

            HttpResponse<String> feed = get(node, "/api/events");
            assertThat(feed.statusCode()).as("the export feed reads PostgreSQL's event table only").isEqualTo(404);
        }
    }

    private ConfigurableApplicationContext startWithUnreachableAxonServer() throws IOException {
        return new SpringApplicationBuilder(CaseLedgerApplication.class).run("--server.port=0",
                "--caseledger.data-dir=" + dataDir, "--axon.axonserver.enabled=true",
                "--axon.axonserver.servers=localhost:" + portNobodyListensOn());
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
        String base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", CaseLedgerHttpTest.basic("admin")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
