package com.caseledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for driving CaseLedger over HTTP. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /**
     * HTTP Basic as the user named by {@code -Duser=} and {@code -Dpassword=}, by default the development admin:
     * loading history with {@code occurredAt} is an admin's import.
     */
    static final String AUTHORIZATION = "Basic " + java.util.Base64.getEncoder().encodeToString(
            (System.getProperty("user", "admin") + ":" + System.getProperty("password", "admin"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    JsonNode post(String path, Object body) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer(path, response);
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    JsonNode get(String path) {
        try {
            return JSON.readTree(received(path));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " answered no JSON", e);
        }
    }

    /** The answer to a GET as received, unparsed: what a latency measurement waits for. */
    String received(String path) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .header("Authorization", AUTHORIZATION).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode answer(String path, HttpResponse<String> response) throws IOException {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
