package com.caseledger.app;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Requests sent exactly as written (percent escapes and all), as a fuzzer or a hostile client sends them. */
final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** The development admin's HTTP Basic credentials, as a header line of a raw request. */
    static final String ADMIN_AUTHORIZATION_LINE = "Authorization: " + CaseLedgerHttpTest.basic("admin") + "\r\n";

    private RawHttp() {
    }

    /** Writes {@code request} byte for byte to the server (one request, then closed) and answers what it sent back. */
    static String exchange(int port, byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new AssertionError("No answer from the server", e);
        }
    }

    /**
     * Sends {@code method} to {@code pathAndQuery} (already encoded) with a JSON body, or none if it is null; signed in
     * as the development admin unless the headers carry their own Authorization.
     */
    static ResponseEntity<String> send(int port, String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        boolean signedIn = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            signedIn |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (!signedIn) {
            request.header("Authorization", CaseLedgerHttpTest.basic("admin"));
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
