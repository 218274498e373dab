package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON over HTTP to nodes a test starts itself (beside the shared test context), signed in as the development admin;
 * each call expects its status and answers the body.
 */
final class NodeClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();

    static String baseUrl(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    /** A command: 200 or 201. */
    JsonNode post(String url, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = send(url, "POST", body);
        assertThat(response.statusCode()).as(url + " " + response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    JsonNode send(String url, String method, Map<String, Object> body, int status) throws Exception {
        HttpResponse<String> response = send(url, method, body);
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    JsonNode get(String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", CaseLedgerHttpTest.basic("admin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Any answer, for a test that expects either of several. */
    HttpResponse<String> send(String url, String method, Map<String, Object> body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", CaseLedgerHttpTest.basic("admin"))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
