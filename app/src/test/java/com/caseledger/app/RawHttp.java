package com.caseledger.app;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests sent exactly as written (percent escapes and all), as a fuzzer or a hostile client sends them. */
final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private RawHttp() {
    }

    /** Sends {@code method} to {@code pathAndQuery} (already encoded) with a JSON body, or none if it is null. */
    static ResponseEntity<String> send(int port, String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            HttpHeaders answerHeaders = new HttpHeaders();
            response.headers().map().forEach(answerHeaders::addAll);
            return new ResponseEntity<>(response.body(), answerHeaders, HttpStatusCode.valueOf(response.statusCode()));
        } catch (IOException e) {
            throw new AssertionError("No answer to " + method + " " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
