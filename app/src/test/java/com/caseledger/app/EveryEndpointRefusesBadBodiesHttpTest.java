package com.caseledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation the served API document gives a request body, sent what no client should send: malformed JSON,
 * values of the wrong type, fields the request does not have, bodies over the size limit and text over its length,
 * control characters and unpaired surrogates, another content type, and seeded random JSON and bytes. Each must be
 * refused with a 4xx problem+json and record no event. The operations and their fields are read from the document,
 * so an endpoint added later is covered without touching this test.
 * <p>
 * A literal JSON {@code null} is refused too, also where the body is optional: an optional body means "no body" (or
 * {@code {}}), while {@code null} is a value of the wrong type, most likely a variable the client forgot to fill;
 * applying the command would record an event nobody meant.
 */
class EveryEndpointRefusesBadBodiesHttpTest extends CaseLedgerHttpTest {

    private static final long SEED = 20260301L;
    private static final int RANDOM_BODIES_PER_OPERATION = 15;
    private static final int OVER_THE_BODY_LIMIT = 300 * 1024;
    private static final int ANY_4XX = 0;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode api;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    /** What a refusal got wrong, collected over every operation so one run shows them all. */
    private final List<String> defects = new ArrayList<>();

    /** One operation of the document that takes a body, its path filled with real sub-resources. */
    private record BodyOperation(HttpMethod method, String template, String path, JsonNode schema) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    @BeforeEach
    void aCaseWithARefundAndAFollowUpCall() {
        api = json(get(ServedApiDocument.PATH));
        String caseId = openCase(Map.of("type", "COMPLAINT", "channel", "EMAIL", "customerId", customer(),
                "subject", "Kettle arrived broken", "orderId", "order-" + customer(),
                "orderAmount", Map.of("amount", "1000.00", "currency", "CNY")));
        ResponseEntity<String> refund = post("/api/cases/" + caseId + "/refunds", Map.of("kind", "REFUND_ONLY",
                "amount", Map.of("amount", "500.00", "currency", "CNY"), "reason", "arrived broken"));
        assertThat(refund.getStatusCode().value()).as(refund.getBody()).isEqualTo(201);
        ResponseEntity<String> followUp = post("/api/cases/" + caseId + "/follow-ups",
                Map.of("scheduledFor", Instant.now().plus(2, ChronoUnit.DAYS).toString()));
        assertThat(followUp.getStatusCode().value()).as(followUp.getBody()).isEqualTo(201);
        pathValues.put("caseId", caseId);
        pathValues.put("refundId", json(refund).get("refundId").asText());
        pathValues.put("followUpId", json(followUp).get("followUpId").asText());
        // SLA definitions are created by their PUT: ids of their own, so that a body wrongly accepted would show
        pathValues.put("calendarId", "fuzz-calendar-" + UUID.randomUUID());
        pathValues.put("policyId", "fuzz-policy-" + UUID.randomUUID());
    }

    @AfterEach
    void noRefusalWentWrong() {
        assertThat(defects).as("seed " + SEED + ":\n" + String.join("\n", defects)).isEmpty();
    }

    @Test
    void the_document_gives_every_command_a_body_and_this_test_covers_them() {
        List<BodyOperation> operations = operations();

        assertThat(operations).extracting(BodyOperation::template).contains("/api/cases", "/api/cases/{caseId}/close",
                "/api/cases/{caseId}/refunds/{refundId}/approve", "/api/cases/{caseId}/follow-ups/{followUpId}/miss",
                "/api/cases/{caseId}/surveys");
    }

    @Test
    void malformed_json_is_refused_by_every_endpoint() {
        for (BodyOperation operation : operations()) {
            String sample = sampleBody(operation.schema()).toString();
            String firstField = operation.schema().path("properties").fieldNames().next();
            Map<String, String> malformed = new LinkedHashMap<>();
            malformed.put("truncated", sample.substring(0, sample.length() / 2));
            malformed.put("cut before the closing brace", sample.substring(0, sample.length() - 1));
            malformed.put("trailing garbage", sample + " x");
            malformed.put("a second document", sample + sample);
            malformed.put("an array of the body", "[" + sample + "]");
            malformed.put("an empty array", "[]");
            malformed.put("a number", "42");
            malformed.put("a string", "\"" + firstField + "\"");
            malformed.put("a boolean", "true");
            malformed.put("a literal null", "null");
            malformed.put("only whitespace", " \r\n\t ");
            malformed.put("single quotes", sample.replace('"', '\''));
            malformed.put("an unquoted key", "{" + firstField + ": \"x\"}");
            malformed.put("a comment", "/* hi */ " + sample);
            malformed.put("NaN", "{\"" + firstField + "\": NaN}");
            malformed.put("a number with 5,000 digits", "{\"" + firstField + "\": " + "9".repeat(5_000) + "}");
            malformed.put("an exponent beyond any double", "{\"" + firstField + "\": 1e999999999}");
            malformed.put("arrays nested 50,000 deep", "[".repeat(50_000) + "]".repeat(50_000));
            malformed.put("objects nested 20,000 deep", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000));
            malformed.forEach((what, body) -> refused(operation, what, 400, null, () -> sendJson(operation, body)));
        }
    }

    @Test
    void a_json_null_is_refused_where_the_body_is_optional_while_no_body_at_all_is_accepted() {
        String caseId = pathValues.get("caseId");
        BodyOperation awaitCustomer = operations().stream()
                .filter(operation -> operation.template().equals("/api/cases/{caseId}/await-customer")).findFirst()
                .orElseThrow();
        assertThat(api.at("/paths/~1api~1cases~1{caseId}~1await-customer/post/requestBody/required").asBoolean()).isFalse();

        refused(awaitCustomer, "a literal null", 400, "$", () -> sendJson(awaitCustomer, "null"));

        ResponseEntity<String> noBody = exchange(HttpMethod.POST, "/api/cases/" + caseId + "/await-customer",
                new HttpEntity<>(jsonHeaders()));
        assertThat(noBody.getStatusCode().value()).as(noBody.getBody()).isEqualTo(200);
    }

    @Test
    void a_value_of_the_wrong_type_is_refused_and_named_for_every_field() {
        for (BodyOperation operation : operations()) {
            JsonNode properties = operation.schema().path("properties");
            for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                List<JsonNode> wrong = new ArrayList<>(wrongTypes(properties.get(field)));
                if (isRequired(operation.schema(), field)) {
                    wrong.add(JsonNodeFactory.instance.nullNode());
                }
                for (JsonNode value : wrong) {
                    ObjectNode body = validBody(operation.schema());
                    body.set(field, value);
                    refused(operation, field + " = " + abbreviate(value.toString()), 400, field,
                            () -> sendJson(operation, body.toString()));
                }
            }
        }
    }

    @Test
    void a_field_the_request_does_not_have_is_refused_and_named_also_inside_a_nested_object() {
        for (BodyOperation operation : operations()) {
            ObjectNode body = validBody(operation.schema());
            body.put("unknownField", 1);
            refused(operation, "unknownField", 400, "unknownField", () -> sendJson(operation, body.toString()));

            JsonNode properties = operation.schema().path("properties");
            for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                JsonNode schema = resolve(properties.get(field));
                if (schema.has("properties")) {
                    ObjectNode nested = validBody(operation.schema());
                    ObjectNode inner = validBody(schema);
                    inner.put("unknownField", 1);
                    nested.set(field, inner);
                    refused(operation, field + ".unknownField", 400, field, () -> sendJson(operation, nested.toString()));
                }
            }
        }
    }

    @Test
    void a_body_over_the_size_limit_is_refused_with_413_with_or_without_a_declared_length() {
        for (BodyOperation operation : operations()) {
            String huge = "{\"" + firstTextField(operation) + "\":\"" + "x".repeat(OVER_THE_BODY_LIMIT) + "\"}";

            refused(operation, "a declared length over the limit", 413, "$", () -> {
                ResponseEntity<String> answer = RawHttp.send(port, operation.method().name(), operation.path(), huge);
                defects.addAll(ServedApiDocument.violations(http, operation.method(), operation.path(), answer));
                return answer;
            });
            refused(operation, "a chunked body over the limit", 413, "$", () -> chunked(operation, huge));
        }
    }

    @Test
    void text_over_its_documented_length_is_refused_with_400_naming_the_field() {
        for (BodyOperation operation : operations()) {
            forEachTextField(operation, (field, schema) -> {
                if (schema.has("maxLength")) {
                    ObjectNode body = validBody(operation.schema());
                    body.put(field, "x".repeat(schema.get("maxLength").asInt() + 1));
                    refused(operation, field + " over maxLength " + schema.get("maxLength"), 400, field,
                            () -> sendJson(operation, body.toString()));
                }
            });
        }
    }

    @Test
    void control_characters_and_unpaired_surrogates_are_refused_in_every_text_field() {
        List<String> escaped = List.of("a\\u0000b", "a\\u0007b", "esc\\u001b[31m", "del\\u007f", "c1\\u0085",
                "lone \\ud800 high", "lone \\udc00 low", "high at the end \\ud83d");
        for (BodyOperation operation : operations()) {
            forEachTextField(operation, (field, schema) -> {
                for (String text : escaped) {
                    ObjectNode body = validBody(operation.schema());
                    body.put(field, "PLACEHOLDER");
                    String json = body.toString().replace("\"PLACEHOLDER\"", "\"" + text + "\"");
                    refused(operation, field + " = \"" + text + "\"", 400, field, () -> sendJson(operation, json));
                }
                ObjectNode body = validBody(operation.schema());
                body.put(field, "PLACEHOLDER");
                String[] around = body.toString().split("PLACEHOLDER");
                // a surrogate written as the three UTF-8 bytes no encoder makes (CESU-8), and a raw NUL byte
                byte[] cesu = concat(around[0], new byte[]{'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b'}, around[1]);
                refused(operation, field + " with a surrogate's bytes", 400, field,
                        () -> sendBytes(operation, cesu, MediaType.APPLICATION_JSON));
                byte[] nul = concat(around[0], new byte[]{'a', 0, 'b'}, around[1]);
                refused(operation, field + " with a raw NUL byte", 400, null,
                        () -> sendBytes(operation, nul, MediaType.APPLICATION_JSON));
            });
        }
    }

    @Test
    void a_body_in_another_content_type_is_refused_with_415() {
        List<MediaType> types = List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.APPLICATION_FORM_URLENCODED,
                MediaType.APPLICATION_OCTET_STREAM, MediaType.MULTIPART_FORM_DATA, MediaType.parseMediaType("application/json-patch+json"));
        for (BodyOperation operation : operations()) {
            byte[] sample = sampleBody(operation.schema()).toString().getBytes(StandardCharsets.UTF_8);
            for (MediaType type : types) {
                refused(operation, "as " + type, 415, null, () -> sendBytes(operation, sample, type));
            }
        }
    }

    @Test
    void a_content_type_that_cannot_be_read_is_refused_with_a_4xx() {
        List<String> types = List.of("garbage", "application/json; charset=nonsense", "application/json; charset=UTF-7",
                "application/json; charset=\"", ";", "multipart/form-data; boundary=x");
        for (BodyOperation operation : operations()) {
            byte[] sample = sampleBody(operation.schema()).toString().getBytes(StandardCharsets.UTF_8);
            for (String type : types) {
                refused(operation, "as " + type, ANY_4XX, null, () -> {
                    ResponseEntity<String> answer = raw(operation, "Content-Type: " + type + "\r\nContent-Length: "
                            + sample.length + "\r\n", new String(sample, StandardCharsets.ISO_8859_1));
                    defects.addAll(ServedApiDocument.violations(http, operation.method(), operation.path(), answer));
                    return answer;
                });
            }
        }
    }

    @Test
    void seeded_random_json_documents_are_refused() {
        Random random = new Random(SEED);
        for (BodyOperation operation : operations()) {
            List<String> declared = new ArrayList<>();
            operation.schema().path("properties").fieldNames().forEachRemaining(declared::add);
            for (int i = 0; i < RANDOM_BODIES_PER_OPERATION; i++) {
                String body = randomDocument(random, declared);
                refused(operation, "random document " + i + " " + abbreviate(body), 400, null,
                        () -> sendJson(operation, body));
            }
        }
    }

    @Test
    void seeded_random_bytes_are_refused() {
        Random random = new Random(SEED + 1);
        for (BodyOperation operation : operations()) {
            for (int i = 0; i < RANDOM_BODIES_PER_OPERATION; i++) {
                byte[] body = randomBytes(random);
                refused(operation, "random bytes " + i + " " + abbreviate(new String(body, StandardCharsets.ISO_8859_1)),
                        400, null, () -> sendBytes(operation, body, MediaType.APPLICATION_JSON));
            }
        }
    }

    /**
     * Sends one bad request and notes every way its answer falls short of a refusal that records nothing: the status
     * (or {@link #ANY_4XX}), an RFC 9457 body, and the field it names when {@code field} is given.
     */
    private void refused(BodyOperation operation, String what, int status, String field,
                         Supplier<ResponseEntity<String>> request) {
        long before = storedEvents();
        ResponseEntity<String> answer = request.get();
        long after = storedEvents();
        String where = operation + " with " + what + " answered " + answer.getStatusCode().value() + " "
                + answer.getHeaders().getContentType() + " " + abbreviate(answer.getBody()) + ": ";
        if (after != before) {
            defects.add(where + (after - before) + " event(s) recorded");
        }
        if (status == ANY_4XX ? !answer.getStatusCode().is4xxClientError() : answer.getStatusCode().value() != status) {
            defects.add(where + "expected " + status);
        }
        MediaType type = answer.getHeaders().getContentType();
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
            defects.add(where + "not problem+json");
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.getBody());
        } catch (Exception e) {
            defects.add(where + "the problem is not JSON");
            return;
        }
        for (String member : List.of("type", "title", "status", "detail")) {
            if (!problem.path(member).isValueNode() || problem.path(member).asText().isBlank()) {
                defects.add(where + "no " + member);
            }
        }
        if (problem.path("status").asInt() != answer.getStatusCode().value()) {
            defects.add(where + "the problem's status differs from the answer's");
        }
        List<String> named = ProblemAssertions.fields(problem);
        if (answer.getStatusCode().value() == 400 && named.isEmpty()) {
            defects.add(where + "names no field");
        }
        if (field != null && (named.isEmpty() || !named.stream().allMatch(name -> name.equals(field)
                || name.startsWith(field + ".") || name.startsWith(field + "[")))) {
            defects.add(where + "expected the errors to name " + field + ", not " + named);
        }
    }

    /** The operations of the served document that take a body, in a stable order so the seeded bodies are too. */
    private List<BodyOperation> operations() {
        List<BodyOperation> operations = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode requestBody = method.getValue().path("requestBody");
            if (requestBody.isMissingNode()) {
                return;
            }
            JsonNode schema = requestBody.path("content").path("application/json").path("schema");
            assertThat(schema.isMissingNode()).as(method.getKey() + " " + path.getKey() + " takes no JSON body").isFalse();
            operations.add(new BodyOperation(HttpMethod.valueOf(method.getKey().toUpperCase()), path.getKey(),
                    filled(path.getKey()), resolve(schema)));
        }));
        operations.sort((a, b) -> (a.template() + a.method()).compareTo(b.template() + b.method()));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    private String filled(String template) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String value = pathValues.get(parameter.group(1));
            assertThat(value).as("no real " + parameter.group(1) + " for " + template + ": create one in the setup")
                    .isNotNull();
            parameter.appendReplacement(path, value);
        }
        parameter.appendTail(path);
        return path.toString();
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return resolve(api.path("components").path("schemas").path(name));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    private static boolean isRequired(JsonNode schema, String field) {
        for (JsonNode required : schema.path("required")) {
            if (required.asText().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private String typeOf(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        return resolved.has("type") ? resolved.get("type").asText() : resolved.has("properties") ? "object" : "string";
    }

    /** A body the request accepts as to its form: its required fields, each with a valid value. */
    private ObjectNode validBody(JsonNode schema) {
        ObjectNode body = JSON.createObjectNode();
        for (JsonNode required : schema.path("required")) {
            body.set(required.asText(), validValue(schema.path("properties").path(required.asText())));
        }
        return body;
    }

    /** A valid body with something in it: the required fields, or every field where none is required. */
    private ObjectNode sampleBody(JsonNode schema) {
        if (!schema.path("required").isEmpty()) {
            return validBody(schema);
        }
        ObjectNode body = JSON.createObjectNode();
        schema.path("properties").fields().forEachRemaining(field -> body.set(field.getKey(), validValue(field.getValue())));
        return body;
    }

    private JsonNode validValue(JsonNode declared) {
        JsonNode schema = resolve(declared);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (typeOf(schema)) {
            case "integer", "number" -> nodes.numberNode(schema.has("minimum") ? schema.get("minimum").asInt() : 1);
            case "boolean" -> nodes.booleanNode(true);
            case "object" -> validBody(schema);
            case "array" -> nodes.arrayNode();
            default -> schema.has("example") ? schema.get("example")
                    : schema.has("enum") ? schema.get("enum").get(0)
                    : "date-time".equals(schema.path("format").asText())
                    ? nodes.textNode(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
                    : nodes.textNode("x");
        };
    }

    private List<JsonNode> wrongTypes(JsonNode declared) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (typeOf(declared)) {
            case "integer" -> List.of(nodes.textNode("1"), nodes.numberNode(1.5), nodes.booleanNode(true),
                    nodes.objectNode(), nodes.arrayNode().add(1), nodes.numberNode(new java.math.BigInteger("9".repeat(30))));
            case "boolean" -> List.of(nodes.textNode("true"), nodes.numberNode(1), nodes.objectNode(), nodes.arrayNode());
            case "object" -> List.of(nodes.textNode("x"), nodes.numberNode(1), nodes.booleanNode(false), nodes.arrayNode());
            default -> {
                List<JsonNode> wrong = new ArrayList<>(List.of(nodes.numberNode(12345), nodes.numberNode(1.5),
                        nodes.booleanNode(true), nodes.objectNode(), nodes.arrayNode().add("x")));
                JsonNode schema = resolve(declared);
                if (schema.has("enum") || schema.has("format") || schema.path("minLength").asInt() > 0) {
                    wrong.add(nodes.textNode(""));
                }
                yield wrong;
            }
        };
    }

    private void forEachTextField(BodyOperation operation, java.util.function.BiConsumer<String, JsonNode> action) {
        operation.schema().path("properties").fields().forEachRemaining(field -> {
            if (typeOf(field.getValue()).equals("string")) {
                action.accept(field.getKey(), resolve(field.getValue()));
            }
        });
    }

    private String firstTextField(BodyOperation operation) {
        List<String> text = new ArrayList<>();
        forEachTextField(operation, (field, schema) -> text.add(field));
        return text.isEmpty() ? "text" : text.get(0);
    }

    private ResponseEntity<String> sendJson(BodyOperation operation, String body) {
        return exchange(operation.method(), operation.path(), new HttpEntity<>(body, jsonHeaders()));
    }

    private ResponseEntity<String> sendBytes(BodyOperation operation, byte[] body, MediaType type) {
        HttpHeaders headers = jsonHeaders();
        headers.setContentType(type);
        return exchange(operation.method(), operation.path(), new HttpEntity<>(body, headers));
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    /** Sends {@code body} without a declared length, in chunks, as a streaming client does. */
    private ResponseEntity<String> chunked(BodyOperation operation, String body) {
        StringBuilder chunks = new StringBuilder();
        for (int start = 0; start < body.length(); start += 8_192) {
            String chunk = body.substring(start, Math.min(body.length(), start + 8_192));
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        chunks.append("0\r\n\r\n");
        return raw(operation, "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", chunks.toString());
    }

    /** Writes a request byte for byte (the body as ISO-8859-1 text) with the given header lines, and reads its answer. */
    private ResponseEntity<String> raw(BodyOperation operation, String headerLines, String body) {
        String request = operation.method() + " " + operation.path() + " HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.ADMIN_AUTHORIZATION_LINE + "Connection: close\r\n" + headerLines + "\r\n" + body;
        String answer = RawHttp.exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
        int status = Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        HttpHeaders headers = new HttpHeaders();
        String[] headAndBody = answer.split("\r\n\r\n", 2);
        for (String line : headAndBody[0].split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        String answerBody = new String((headAndBody.length > 1 ? headAndBody[1] : "").getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
        if ("chunked".equalsIgnoreCase(headers.getFirst("Transfer-Encoding"))) {
            answerBody = answerBody.substring(answerBody.indexOf("\r\n") + 2, answerBody.lastIndexOf("\r\n0\r\n"));
        }
        return ResponseEntity.status(status).headers(headers).body(answerBody);
    }

    /**
     * A JSON document no request accepts: mostly an object of declared and made-up fields with random values (at least
     * one made up), otherwise another top-level value. Text is written with the escapes JSON allows, so control
     * characters and unpaired surrogates reach the server as a client could send them.
     */
    private static String randomDocument(Random random, List<String> declared) {
        if (random.nextInt(7) == 0) {
            String value;
            do {
                value = randomValue(random, 3);
            } while (value.startsWith("{"));
            return value;
        }
        int entries = 1 + random.nextInt(5);
        int madeUp = random.nextInt(entries);
        StringBuilder object = new StringBuilder("{");
        for (int i = 0; i < entries; i++) {
            String key;
            if (i == madeUp || declared.isEmpty() || random.nextBoolean()) {
                do {
                    key = randomText(random);
                } while (declared.contains(key));
            } else {
                key = declared.get(random.nextInt(declared.size()));
            }
            object.append(i == 0 ? "" : ",").append(quoted(key)).append(':').append(randomValue(random, 3));
        }
        return object.append('}').toString();
    }

    private static String randomValue(Random random, int depth) {
        switch (random.nextInt(depth <= 0 ? 6 : 8)) {
            case 0:
                return "null";
            case 1:
                return Boolean.toString(random.nextBoolean());
            case 2:
                return random.nextInt(4) == 0 ? "9".repeat(1 + random.nextInt(40)) : Long.toString(random.nextLong() % 1_000);
            case 3:
                return (random.nextBoolean() ? "-" : "") + random.nextInt(100) + "." + random.nextInt(1000)
                        + (random.nextBoolean() ? "e" + (random.nextInt(800) - 400) : "");
            case 4:
            case 5:
                return quoted(randomText(random));
            case 6: {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(randomValue(random, depth - 1)).append(i > 1 ? "," : "");
                }
                return array.append(']').toString();
            }
            default: {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.append(quoted(randomText(random))).append(':').append(randomValue(random, depth - 1))
                            .append(i > 1 ? "," : "");
                }
                return object.append('}').toString();
            }
        }
    }

    private static final String[] TEXT_PIECES = {"a", "Z", "7", " ", "-", "_", ".", "\"", "\\", "/", "\t", "\n", "\u0000",
            "\u0007", "\u001b", "\u007f", "\u0085", "\u2028", "\uFFFF", "\uD800", "\uDC00", "\uD83D\uDCE6", "\u4E2D",
            "\u00E9", "type", "amount", "CNY", "2026-03-01T09:00:00Z", "REFUND_ONLY", "{", "}", "[", "]", ":"};

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append(TEXT_PIECES[random.nextInt(TEXT_PIECES.length)]);
        }
        return text.toString();
    }

    /** {@code text} as a JSON string: pairs of surrogates as they are, lone ones and control characters escaped. */
    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                json.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static final byte[] JSONISH = "{}[]\":,-+.0123456789eEtrufalsn \t\r\n\\/u\u00e9".getBytes(StandardCharsets.UTF_8);

    /** Bytes that are no JSON object: entirely random, or drawn from the characters JSON is made of. */
    private static byte[] randomBytes(Random random) {
        while (true) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            if (random.nextBoolean()) {
                random.nextBytes(bytes);
            } else {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = JSONISH[random.nextInt(JSONISH.length)];
                }
            }
            if (!parsesAsAnObject(bytes)) {
                return bytes;
            }
        }
    }

    private static boolean parsesAsAnObject(byte[] bytes) {
        try {
            return JSON.readTree(bytes).isObject();
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(middle);
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 160 ? text : text.substring(0, 160) + "...(" + text.length() + " characters)";
    }

    private long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
