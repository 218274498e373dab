package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP integration tests: the whole application (both sides) on the embedded PostgreSQL, one
 * Spring context and one database for every test class of this JVM. Tests stay apart by their own customers,
 * agents and (for reports) their own periods.
 */
@AutoConfigureObservability(tracing = false) // metrics export as in production (the Prometheus endpoint)
@SpringBootTest(classes = CaseLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "caseledger.data-dir=target/test-data/${random.uuid}")
@Import(PoisonedCustomers.class) // a projection that fails for the customers a test poisons (DeadLettersHttpTest)
public abstract class CaseLedgerHttpTest {

    protected static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    protected int port;

    /** Signed in as the development admin (who may do everything), unless a request carries its own Authorization. */
    protected TestRestTemplate http;

    /** Signed in as nobody. */
    protected TestRestTemplate anonymous;

    @Autowired
    void signInAsAdmin(TestRestTemplate server) {
        anonymous = server;
        http = server.withBasicAuth("admin", "admin");
    }

    /** Every answer of the test, so that none may be a server error or break the served API document. */
    private final List<Answer> answers = new ArrayList<>();

    @BeforeEach
    void serverIsUp() {
        assertThat(port).isPositive();
    }

    /** The HTTP Basic Authorization value of a development user, whose password is their name. */
    static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The headers (name, value, ...) that sign a request in as a development user. */
    protected static String[] as(String user, String... headers) {
        String[] signed = java.util.Arrays.copyOf(headers, headers.length + 2);
        signed[headers.length] = "Authorization";
        signed[headers.length + 1] = basic(user);
        return signed;
    }

    @AfterEach
    void no_answer_was_a_server_error() {
        assertThat(answers).allSatisfy(answer -> assertThat(answer.response().getStatusCode().is5xxServerError())
                .as(answer.response().getStatusCode() + " " + answer.response().getBody()).isFalse());
    }

    @AfterEach
    void every_answer_is_described_by_the_served_api_document() {
        List<String> violations = answers.stream()
                .flatMap(answer -> ServedApiDocument.violations(http, answer.method(), answer.path(), answer.response())
                        .stream())
                .toList();
        assertThat(violations).as(String.join("\n", violations)).isEmpty();
    }

    /** POSTs a JSON body (a Map, or a raw String sent as it is) with the given headers (name, value, ...). */
    protected ResponseEntity<String> post(String path, Object body, String... headers) {
        return withBody(HttpMethod.POST, path, body, headers);
    }

    /** PUTs a JSON body (a Map, or a raw String sent as it is) with the given headers (name, value, ...). */
    protected ResponseEntity<String> put(String path, Object body, String... headers) {
        return withBody(HttpMethod.PUT, path, body, headers);
    }

    protected ResponseEntity<String> delete(String path, String... headers) {
        HttpHeaders httpHeaders = new HttpHeaders();
        httpHeaders.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            httpHeaders.add(headers[i], headers[i + 1]);
        }
        return exchange(HttpMethod.DELETE, path, new HttpEntity<>(httpHeaders));
    }

    private ResponseEntity<String> withBody(HttpMethod method, String path, Object body, String... headers) {
        HttpHeaders httpHeaders = new HttpHeaders();
        httpHeaders.setContentType(MediaType.APPLICATION_JSON);
        httpHeaders.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            httpHeaders.add(headers[i], headers[i + 1]);
        }
        String text = body == null ? null : body instanceof String raw ? raw : write(body);
        return exchange(method, path, new HttpEntity<>(text, httpHeaders));
    }

    protected ResponseEntity<String> get(String path, String... headers) {
        HttpHeaders httpHeaders = new HttpHeaders();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            httpHeaders.add(headers[i], headers[i + 1]);
        }
        return exchange(HttpMethod.GET, path, new HttpEntity<>(httpHeaders));
    }

    /** Sends a request as it is given (a String or the bytes of a body), and remembers the answer like every other. */
    protected ResponseEntity<String> exchange(HttpMethod method, String path, HttpEntity<?> request) {
        ResponseEntity<String> answer = http.exchange(path, method, request, String.class);
        answers.add(new Answer(method, path, answer));
        return answer;
    }

    private record Answer(HttpMethod method, String path, ResponseEntity<String> response) {
    }

    /** Opens a case and answers its id; fails the test unless the answer is 201. */
    protected String openCase(Map<String, Object> body) {
        ResponseEntity<String> response = post("/api/cases", body);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json(response).get("caseId").asText();
    }

    /** POSTs a case command and answers the case's version; fails the test unless the answer is 200. */
    protected long command(String caseId, String action, Map<String, Object> body) {
        ResponseEntity<String> response = post("/api/cases/" + caseId + "/" + action, body);
        assertThat(response.getStatusCode().value()).as(action + ": " + response.getBody()).isEqualTo(200);
        return json(response).get("version").asLong();
    }

    /** The case view once it has caught up with {@code version} (read-your-writes). */
    protected JsonNode view(String caseId, long version) {
        ResponseEntity<String> response = get("/api/cases/" + caseId + "?minVersion=" + version);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    /** A customer id no other test uses, so tests sharing one database stay apart. */
    protected static String customer() {
        return "customer-" + UUID.randomUUID();
    }

    /** The body of an INQUIRY by a customer no other test uses; a mutable map, to add to. */
    protected static Map<String, Object> inquiry() {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "INQUIRY");
        body.put("channel", "EMAIL");
        body.put("customerId", customer());
        body.put("subject", "Where is my parcel?");
        return body;
    }

    /** {@link #inquiry()} on an order of its own worth 900.00 CNY. */
    protected static Map<String, Object> inquiryOnOrder() {
        Map<String, Object> body = inquiry();
        body.put("orderId", "order-" + UUID.randomUUID());
        body.put("orderAmount", Map.of("amount", "900.00", "currency", "CNY"));
        return body;
    }

    /** An agent id no other test uses. */
    protected static String agent() {
        return "agent-" + UUID.randomUUID();
    }

    /** What the case list says of each case of the customer: whether its view lacks events (parked or evicted). */
    protected List<Boolean> listedBehind(String customerId) {
        List<Boolean> behind = new ArrayList<>();
        json(get("/api/cases?customerId=" + customerId)).get("items")
                .forEach(item -> behind.add(item.get("behind").asBoolean()));
        return behind;
    }

    protected static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }

    protected static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
